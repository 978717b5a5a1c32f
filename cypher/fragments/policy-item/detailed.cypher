// Condition: the item is detailed (fields 5, 6) or not, as the value says.
// Binds: n (PolicyItem). Params: $value (boolean).
n.detailed = $value
