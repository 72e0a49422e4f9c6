-- Frontdesk schema v9: one appointment's history, for the desk's details panel.
--
-- The desk reads an appointment's history from the event log itself, under row-level security:
--     select ... from frontdesk.events where appointment_id = $1 and org_id = $2 order by id
-- Both conditions are plain bigint equalities (leakproof), so an index serves them under the
-- policy. The only index until now led with org_id: on a clinic group's database each such read
-- went through every event of the clinic (hundreds of thousands) to find a handful.
-- Events without an appointment (staff and agent administration) are indexed too, under null:
-- harmless, and the index stays the one the query names.
create index events_appointment on frontdesk.events (appointment_id, id);
