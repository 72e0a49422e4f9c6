-- Frontdesk schema v4: a change feed that never skips a change.
--
-- Event ids come from a sequence before commit, so a feed read by "id greater than the last one
-- seen" skips a slow transaction that took its id first and committed last. The cursor here is the
-- reader's snapshot instead: each call returns the events visible now that were not visible in
-- the previous call's snapshot, then hands out the current snapshot as the next cursor. Every
-- committed event is therefore returned by exactly one call in a chain of cursors, whatever order
-- transactions commit in, and calling again with an old cursor returns the same events again.

create index events_org_xact on frontdesk.events (org_id, xact_id);

-- changes_since(clinic, cursor): {"ok": true, "cursor": "<next>", "events": [{"id", "kind",
-- "appointment_id", "patient_id", "occurred_at"}, ...]} in commit-independent id order, or
-- {"ok": false, "code": "INVALID_CURSOR"}. A null cursor starts at now: no events, a cursor.
-- It reads through the caller's row-level security: a login sees its own clinics' events only.
create function frontdesk.changes_since(p_org_id bigint, p_cursor text)
returns jsonb
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
declare
    v_previous pg_snapshot;
begin
    if p_cursor is not null then
        begin
            v_previous := p_cursor::pg_snapshot;
        exception when invalid_text_representation then
            return jsonb_build_object('ok', false, 'code', 'INVALID_CURSOR', 'message', 'not a cursor of this feed');
        end;
    end if;
    -- One statement, so the events read and the cursor handed out come from one snapshot.
    return (
        select jsonb_build_object(
            'ok', true,
            'cursor', pg_current_snapshot()::text,
            'events', coalesce(jsonb_agg(jsonb_build_object(
                'id', e.id, 'kind', e.kind, 'appointment_id', e.appointment_id,
                'patient_id', e.patient_id, 'occurred_at', e.occurred_at) order by e.id)
                filter (where e.id is not null), '[]'))
        from (select 1) anchor
        left join events e
          on v_previous is not null
         and e.org_id = p_org_id
         and e.xact_id >= pg_snapshot_xmin(v_previous)
         and not pg_visible_in_snapshot(e.xact_id, v_previous));
end;
$$;

revoke all on function frontdesk.changes_since(bigint, text) from public;
grant execute on function frontdesk.changes_since(bigint, text) to frontdesk_receptionist, frontdesk_agent;
