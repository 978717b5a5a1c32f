// Purpose: (benchmark, raw floor) the indicators of the policy items contributing to SDG $sdg, counted, with
// the lowest, highest and average current value (現状値) and target (目標値) of those that have one.
// Params: $sdg (int).
// Columns: count (int), current (map: min, max, average), target (map: min, max, average).
MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:MEASURED_BY]->(x:Indicator)
WITH DISTINCT x
RETURN count(x) AS count,
  {min: min(x.current), max: max(x.current), average: avg(x.current)} AS current,
  {min: min(x.target), max: max(x.target), average: avg(x.target)} AS target
