// Facet: per year-end grade, how many of the matched sheets have it (null: not graded).
// Binds: matched in, facet ([{evaluation, count}], ungraded last) out. Params: none.
UNWIND matched AS x
WITH x.node.evaluation AS evaluation, count(*) AS count
ORDER BY evaluation IS NULL, evaluation
RETURN collect({evaluation: evaluation, count: count}) AS facet
