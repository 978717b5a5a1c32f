// Condition: the policy item i (of a measure or indicator) has one of the codes.
// Binds: i (PolicyItem). Params: $value ([string] codes such as 5-1).
i.code IN $value
