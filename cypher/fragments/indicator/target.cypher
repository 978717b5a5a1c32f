// Quantity: the indicator's target value; null when the documents give none.
// Binds: n (Indicator). Params: none.
n.target
