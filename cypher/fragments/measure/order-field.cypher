// Sort value: the number of the measure's field.
// Binds: i (the measure's PolicyItem). Params: none.
i.fieldNumber
