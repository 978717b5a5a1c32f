// Start: nodes n reached from the fields with the numbers (unique id index, one seek per number), through a declared path.
// Binds: n. Params: $value ([int] field numbers). $($path) and $($label) are filled from the kind's declared anchor (src/graph/kinds/anchor.ts), never from user input.
UNWIND $value AS number
MATCH (a:Field {id: 'field:' + toString(toInteger(number))})$($path)(n:$($label))
