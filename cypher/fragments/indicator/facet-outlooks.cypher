// Facet: per outlook status, how many of the matched indicators have it (statuses with none are left out).
// Binds: matched in, facet ([{status, count}] by status name) out. Params: $value (map: the reference figures
//   fragments/indicator/outlook-status reads).
UNWIND matched AS x
WITH x.node AS n
WITH {{fragments/indicator/outlook-status}} AS status, count(*) AS count
ORDER BY status
RETURN collect({status: status, count: count}) AS facet
