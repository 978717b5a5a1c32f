// Start: nodes n reached from the nodes a whose key is one of the values (an index on the key), through a declared path.
// Binds: n. Params: $value ([id, code or number]). $($from), $($path), $($label), $($key) are filled from the kind's declared anchor (src/graph/kinds/anchor.ts), never from user input.
MATCH (a:$($from))$($path)(n:$($label))
WHERE a.$($key) IN $value
