// @title_en Who attended, by role
// @title_zh 按身份分列的出席情况
// @description The States and organizations that attended each meeting, grouped by the role they attended in (member, observer, United Nations entity, institute, non-governmental organization…); a meeting's reports in two languages count each attendee once.
// @param meeting string "" Only this meeting (its id, e.g. "meeting:A/CONF.241/RPM.2"); empty for all
MATCH (p:State|Organization)-[a:ATTENDED]->(m:Meeting)
WHERE ($meeting = '' OR m.id = $meeting) AND ($reports IS NULL OR a.report IN $reports)
WITH DISTINCT m, a.role AS role, p ORDER BY p.name
RETURN m.id AS meeting, m.tag AS tag, role, count(p) AS attendees, collect(p.id) AS ids, collect(p.name) AS names
ORDER BY meeting, attendees DESC, role
