// Condition: the node reaches, through a declared path, a node whose key is one of the values.
// Binds: n. Params: $value ([id, code or number]). $($path), $($as), $($from), $($key) are filled from the kind's declared anchor (src/graph/kinds/anchor.ts), whose path this walks back, never from user input.
EXISTS { (n)$($path)($($as):$($from)) WHERE $($as).$($key) IN $value }
