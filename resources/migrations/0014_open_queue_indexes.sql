-- Frontdesk schema v14: the desk's two reads of the open queue each have an index of their own.
--
-- The desk reads the oldest open SMS and calendar items and, apart, the oldest open callbacks
-- (so that a backlog of messages never hides a caller). With one index for every open item (v10),
-- the callbacks' read could walk it past every open message to find the few callbacks: a plan
-- check saw it read 10,000 rows to return none. Each read is now a range of its own index, in order.
drop index frontdesk.follow_ups_open_oldest;
create index follow_ups_open_messages on frontdesk.follow_ups (org_id, created_at, id)
    where status <> 'done' and kind <> 'callback';
create index follow_ups_open_callbacks on frontdesk.follow_ups (org_id, created_at, id)
    where status <> 'done' and kind = 'callback';
