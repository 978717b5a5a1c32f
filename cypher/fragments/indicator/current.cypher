// Quantity: the indicator's current value (the baseline of the plan); null when the documents give none.
// Binds: n (Indicator). Params: none.
n.current
