// Condition: the policy item i belongs to one of the fields.
// Binds: i (PolicyItem). Params: $value ([int] field numbers).
i.fieldNumber IN $value
