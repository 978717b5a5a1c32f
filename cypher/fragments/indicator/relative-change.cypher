// Quantity: the change from current value to target relative to the current value, (target - current)
// divided by the absolute current value (0.1 = 10 % up); null without both numbers or with a current of 0.
// Binds: n (Indicator). Params: none.
CASE WHEN n.current IS NULL OR n.target IS NULL OR n.current = 0 THEN null
  ELSE (n.target - n.current) / abs(toFloat(n.current)) END
