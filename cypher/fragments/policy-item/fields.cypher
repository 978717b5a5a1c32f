// Condition: the item belongs to one of the fields.
// Binds: n (PolicyItem). Params: $value ([int] field numbers).
n.fieldNumber IN $value
