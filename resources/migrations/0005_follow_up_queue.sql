-- Frontdesk schema v5: the follow-up queue, the work the SMS and calendar integrations never did.
--
-- Every booking queues an SMS confirmation (when the patient has a phone) and a calendar entry
-- for the doctor; a cancellation and a reschedule queue their own. They are queued by a trigger
-- on the event log, so in the same transaction as the change. A desk claims an item (one desk at
-- a time; the claim expires), sends the SMS or imports the calendar entry by hand, and completes
-- it with an outcome and a note. Every step is logged and rings the doorbell.

alter table frontdesk.appointments add constraint appointments_org_id_id unique (org_id, id);

create table frontdesk.follow_ups (
    id               bigint generated always as identity primary key,
    org_id           bigint not null references frontdesk.organisations (id),
    appointment_id   bigint not null,
    kind             text not null check (kind in ('sms', 'calendar')),
    purpose          text not null check (purpose in ('booked', 'cancelled', 'rescheduled')),
    status           text not null default 'pending' check (status in ('pending', 'claimed', 'done')),
    recipient        text,             -- the patient's E.164 phone, for an SMS
    message          text,             -- the SMS, ready to send
    calendar_event   jsonb,            -- for a calendar entry: uid, sequence, method, times, summary
    claimed_by       text,
    claimed_at       timestamptz,
    claim_expires_at timestamptz,
    outcome          text check (outcome in ('sent', 'failed', 'skipped')),
    note             text check (length(note) <= 1000),
    completed_by     text,
    completed_at     timestamptz,
    created_at       timestamptz not null default now(),
    foreign key (org_id, appointment_id) references frontdesk.appointments (org_id, id),
    check ((kind = 'sms') = (message is not null)),
    check ((status = 'done') = (outcome is not null))
);
create index follow_ups_open on frontdesk.follow_ups (org_id, status, created_at) where status <> 'done';

alter table frontdesk.follow_ups enable row level security;
alter table frontdesk.follow_ups force row level security;
create policy tenant on frontdesk.follow_ups
    using ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]))
    with check ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]));
grant select on frontdesk.follow_ups to frontdesk_receptionist;

-- "Tue 24 Nov at 10:30" in the clinic's time zone.
create function frontdesk.local_when(p_at timestamptz, p_zone text) returns text
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select to_char(p_at at time zone p_zone, 'Dy FMDD Mon "at" HH24:MI')
$$;

-- Queues the follow-ups of an appointment change logged in the event log.
create function frontdesk.queue_follow_ups() returns trigger
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_purpose  text;
    v_appt     appointments;
    v_org      organisations;
    v_provider text;
    v_patient  patients;
    v_when     text;
    v_sequence integer;
    v_text     text;
begin
    v_purpose := case new.kind
        when 'appointment.booked' then 'booked'
        when 'appointment.cancel' then 'cancelled'
        when 'appointment.reschedule' then 'rescheduled'
    end;
    if v_purpose is null or new.appointment_id is null then
        return null;
    end if;
    select * into v_appt from appointments where id = new.appointment_id;
    -- History (the demo's seeded past) needs no confirmation.
    if v_appt.id is null or (v_purpose = 'booked' and v_appt.starts_at < now()) then
        return null;
    end if;
    select * into v_org from organisations where id = v_appt.org_id;
    select display_name into v_provider from providers where id = v_appt.provider_id;
    select * into v_patient from patients where id = v_appt.patient_id;
    v_when := local_when(v_appt.starts_at, v_org.time_zone);

    if v_patient.phone is not null then
        v_text := case v_purpose
            when 'booked' then format('%s: your appointment with %s is booked for %s. Reply or call us to change it.',
                                      v_org.name, v_provider, v_when)
            when 'cancelled' then format('%s: your appointment with %s on %s has been cancelled. Call us to book again.',
                                         v_org.name, v_provider, v_when)
            else format('%s: your appointment with %s has moved to %s. Reply or call us to change it.',
                        v_org.name, v_provider, v_when)
        end;
        insert into follow_ups (org_id, appointment_id, kind, purpose, recipient, message)
        values (v_appt.org_id, v_appt.id, 'sms', v_purpose, v_patient.phone, v_text);
    end if;

    -- One calendar entry per appointment (its uid), updated by a higher sequence (RFC 5545).
    select count(*) into v_sequence from follow_ups where appointment_id = v_appt.id and kind = 'calendar';
    insert into follow_ups (org_id, appointment_id, kind, purpose, calendar_event)
    values (v_appt.org_id, v_appt.id, 'calendar', v_purpose, jsonb_build_object(
        'uid', format('appointment-%s-org-%s@frontdesk', v_appt.id, v_appt.org_id),
        'sequence', v_sequence,
        'method', case v_purpose when 'cancelled' then 'CANCEL' else 'REQUEST' end,
        'starts_at', v_appt.starts_at,
        'ends_at', v_appt.ends_at,
        'time_zone', v_org.time_zone,
        'summary', v_patient.full_name || coalesce(' (' || v_appt.service || ')', ''),
        'provider', v_provider,
        'location', v_org.name));
    return null;
end;
$$;

create trigger events_queue_follow_ups
    after insert on frontdesk.events
    for each row execute function frontdesk.queue_follow_ups();

-- Claiming, releasing and completing. Each locks the item's row, so two desks never both win.
create function frontdesk.apply_follow_up_action(
    p_follow_up_id bigint, p_action text, p_outcome text default null, p_note text default null)
returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_item     follow_ups;
    v_mine     boolean;
    v_live     boolean;
    v_event_id bigint;
begin
    select * into v_item from follow_ups where id = p_follow_up_id for update;
    if v_item.id is null or not may_manage_appointments(v_item.org_id, false) then
        return booking_error('UNKNOWN_FOLLOW_UP', 'no such follow-up at this clinic');
    end if;
    if v_item.status = 'done' then
        return booking_error('ALREADY_DONE', 'this follow-up was completed already',
                             jsonb_build_object('completed_by', v_item.completed_by, 'outcome', v_item.outcome));
    end if;
    v_mine := v_item.status = 'claimed' and v_item.claimed_by = session_user;
    v_live := v_item.status = 'claimed' and v_item.claim_expires_at > now();

    if p_action = 'claim' then
        if v_live and not v_mine then
            return booking_error('CLAIMED_BY_OTHER', 'another desk is working on this follow-up',
                                 jsonb_build_object('claimed_by', v_item.claimed_by,
                                                    'claim_expires_at', v_item.claim_expires_at));
        end if;
        update follow_ups
        set status = 'claimed', claimed_by = session_user, claimed_at = now(),
            claim_expires_at = now() + interval '10 minutes'
        where id = v_item.id;
    elsif p_action = 'release' then
        if not v_mine then
            return booking_error('NOT_CLAIMED', 'claim the follow-up first');
        end if;
        update follow_ups set status = 'pending', claimed_by = null, claimed_at = null, claim_expires_at = null
        where id = v_item.id;
    elsif p_action = 'complete' then
        -- The claimer completes, even after the claim ran out, unless another desk claimed since.
        if not v_mine then
            return booking_error('NOT_CLAIMED', 'claim the follow-up before completing it');
        end if;
        if p_outcome is null or p_outcome not in ('sent', 'failed', 'skipped') then
            return booking_error('INVALID_OUTCOME', 'the outcome is sent, failed or skipped');
        end if;
        p_note := nullif(btrim(p_note), '');
        if p_outcome <> 'sent' and p_note is null then
            return booking_error('NOTE_REQUIRED', 'say why it failed or was skipped');
        end if;
        if length(p_note) > 1000 then
            return booking_error('TEXT_TOO_LONG', 'a note is at most 1000 characters');
        end if;
        update follow_ups
        set status = 'done', outcome = p_outcome, note = p_note, completed_by = session_user, completed_at = now()
        where id = v_item.id;
    else
        return booking_error('INVALID_ACTION', 'no such action: ' || coalesce(p_action, 'null'));
    end if;

    insert into events (org_id, kind, appointment_id, details)
    values (v_item.org_id, 'follow_up.' || p_action, v_item.appointment_id,
            jsonb_strip_nulls(jsonb_build_object('follow_up_id', v_item.id, 'kind', v_item.kind,
                                                 'outcome', p_outcome, 'note', p_note)))
    returning id into v_event_id;
    perform pg_notify('frontdesk_changes', jsonb_build_object(
        'org_id', v_item.org_id, 'event_id', v_event_id, 'appointment_id', v_item.appointment_id)::text);
    return jsonb_build_object('ok', true, 'follow_up_id', v_item.id,
                              'status', (select status from follow_ups where id = v_item.id));
end;
$$;

create function frontdesk.claim_follow_up(p_follow_up_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_follow_up_action(p_follow_up_id, 'claim') $$;

create function frontdesk.release_follow_up(p_follow_up_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_follow_up_action(p_follow_up_id, 'release') $$;

create function frontdesk.complete_follow_up(p_follow_up_id bigint, p_outcome text, p_note text default null)
returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_follow_up_action(p_follow_up_id, 'complete', p_outcome, p_note) $$;

revoke all on function frontdesk.local_when(timestamptz, text), frontdesk.queue_follow_ups(),
                       frontdesk.apply_follow_up_action(bigint, text, text, text),
                       frontdesk.claim_follow_up(bigint), frontdesk.release_follow_up(bigint),
                       frontdesk.complete_follow_up(bigint, text, text)
    from public;
grant execute on function frontdesk.claim_follow_up(bigint), frontdesk.release_follow_up(bigint),
                          frontdesk.complete_follow_up(bigint, text, text)
    to frontdesk_receptionist;
