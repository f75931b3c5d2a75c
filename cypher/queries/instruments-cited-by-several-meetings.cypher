// @title_en Instruments cited by more than one meeting
// @title_zh 不止一次会议引用的文书
// @description The instruments whose citations come from recommendations of two or more meetings (a meeting's reports in two languages count once), with the meetings (by tag) and how many of their recommendations cite each.
// @param minMeetings integer 2 Only instruments cited by at least this many meetings
MATCH (r:Recommendation)-[:CITES]->(i:Instrument)
WHERE $reports IS NULL OR r.report IN $reports
MATCH (rep:Report {id: r.report})-[:REPORT_OF]->(m:Meeting)
// A recommendation and its other language version are one recommendation of the meeting.
WITH i, m, count(DISTINCT coalesce(r.ref, r.id)) AS recommendations
ORDER BY m.tag
WITH i, collect(m.tag) AS meetings, collect(recommendations) AS perMeeting, sum(recommendations) AS total
WHERE size(meetings) >= $minMeetings
RETURN i.id AS instrument, i.name_en AS name_en, i.name_zh AS name_zh, size(meetings) AS meetingCount,
       meetings, perMeeting, total AS recommendations
ORDER BY meetingCount DESC, recommendations DESC, instrument
