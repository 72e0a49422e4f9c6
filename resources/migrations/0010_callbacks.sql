-- Frontdesk schema v10: callbacks for failed AI calls.
--
-- A caller the AI voice agent could not book, for a reason a person can fix (the slot was taken,
-- the clinic is closed then, the number was garbled, ...), who left a number or an address to
-- reach them, becomes a "call back" item of the follow-up queue: who called, how to reach them,
-- what they asked for, why it failed and the nearest free slots at that moment. The booking
-- function records it itself, in the refused call's own transaction: a second call by the agent
-- could be forgotten, fail, or be made by one voice backend and not another, and every such
-- caller would be lost without a trace. A later booking of the caller completes it.
-- resources/migrations/README.md ("Callbacks for failed AI calls") has the whole design.

-- ---- The queue holds callbacks ------------------------------------------------------------------
-- A callback belongs to no appointment. Its details (jsonb, read by the desk's
-- CallbackRequest::fromJson) are the latest refused request; contact_key is who it is about (the
-- E.164 phone, else the lower-case email), so one caller has one open callback however often the
-- agent fails them; due_at is when it becomes the desk's work (the caller may still be on the
-- line, and the agent may yet book an alternative); request_key is the idempotency key of the
-- request that queued or last refreshed it, so a resent request is not counted as another attempt.
alter table frontdesk.follow_ups
    alter column appointment_id drop not null,
    add column callback jsonb,
    add column patient_id bigint,
    add column contact_key text check (length(contact_key) <= 254),
    add column due_at timestamptz,
    add column request_key text check (length(request_key) <= 200),
    add constraint follow_ups_patient foreign key (org_id, patient_id) references frontdesk.patients (org_id, id);

alter table frontdesk.follow_ups
    drop constraint follow_ups_kind_check,
    drop constraint follow_ups_purpose_check,
    drop constraint follow_ups_outcome_check,
    add constraint follow_ups_kind_check check (kind in ('sms', 'calendar', 'callback')),
    add constraint follow_ups_purpose_check check (purpose in ('booked', 'cancelled', 'rescheduled', 'failed_call')),
    -- Each kind has outcomes of its own.
    add constraint follow_ups_outcome_check check (
        outcome is null
        or (kind = 'callback' and outcome in ('booked', 'called_back', 'no_answer', 'not_needed'))
        or (kind <> 'callback' and outcome in ('sent', 'failed', 'skipped'))),
    add constraint follow_ups_callback_shape check (
        (kind = 'callback') = (appointment_id is null)
        and (kind = 'callback') = (callback is not null)
        and (kind = 'callback') = (purpose = 'failed_call')
        and (kind <> 'callback' or (contact_key is not null and due_at is not null)));

-- One open callback per caller and clinic: the guarantee behind the refresh below, whatever the
-- isolation level and however many calls of one caller fail at once. It also serves the lookup
-- of a booked patient's open callbacks (plain equalities, so under row-level security too).
create unique index follow_ups_open_callback on frontdesk.follow_ups (org_id, contact_key)
    where kind = 'callback' and status <> 'done';

-- The desk shows the oldest open items first, a few hundred at a time: in that order from the
-- index, so a clinic whose queue has grown long is not read and sorted in full at every change.
-- (follow_ups_open has the status before the time, which serves counting, not this order.)
create index follow_ups_open_oldest on frontdesk.follow_ups (org_id, created_at, id) where status <> 'done';

-- ---- What the agent heard ---------------------------------------------------------------------------
-- A text as heard, fit to show at the desk: white space (tabs, line breaks) as single spaces,
-- trimmed, at most p_max characters, and without control characters or the invisible formatting
-- ones (bidirectional overrides and isolates, zero-width characters, the byte-order mark, tags),
-- which could make a refused name display as another. Only the first 1000 characters are read, so
-- any size of input costs the same.
create function frontdesk.heard_text(p_text text, p_max integer) returns text
language sql immutable
set search_path = frontdesk, pg_temp
as $$
    select nullif(btrim(left(btrim(regexp_replace(regexp_replace(left(p_text, 1000),
        '[\u0001-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e'
        '\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]', '', 'g'),
        '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g')), p_max)), '')
$$;

-- A requested time worth showing: finite and within the range booking takes (an end up to a day
-- past it). Others are not kept: they would overflow the arithmetic of the alternatives, and mean
-- nothing to the desk.
create function frontdesk.heard_time(p_at timestamptz) returns timestamptz
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select case when isfinite(p_at) and p_at >= timestamptz '2000-01-01 00:00:00+00'
                     and p_at <= now() + interval '2 years 1 day' then p_at end
$$;

-- The refusals a person can fix by calling back. The rest are the caller's software's (a key,
-- the source, sizes), the clinic's setup, or the moment (RETRY and the transaction's kind), and
-- store nothing.
create function frontdesk.is_fixable_refusal(p_code text) returns boolean
language sql immutable
set search_path = frontdesk, pg_temp
as $$
    select coalesce(p_code in ('SLOT_UNAVAILABLE', 'PATIENT_BUSY', 'OUTSIDE_HOURS', 'IN_THE_PAST', 'INVALID_TIME',
                               'INVALID_PHONE', 'INVALID_EMAIL', 'INVALID_NAME', 'UNKNOWN_PROVIDER'), false)
$$;

-- ---- Queueing ---------------------------------------------------------------------------------------
-- Queues a callback for a refused AI request, or refreshes the caller's open one (the latest
-- request, code and alternatives; one more attempt; due again in two minutes; a claim stays).
-- Returns its id, or null when the caller left no number or address booking would accept. Called
-- by book_appointment_atomic after the refusal, when the booking's own writes and locks are gone.
-- Under REPEATABLE READ an open callback changed or queued after the snapshot raises 40001, which
-- the caller answers as RETRY.
create function frontdesk.queue_callback(
    p_org            frontdesk.organisations,
    p_answer         jsonb,
    p_provider_id    bigint,
    p_starts_at      timestamptz,
    p_ends_at        timestamptz,
    p_patient_name   text,
    p_phone          text,
    p_email          text,
    p_idempotency_key text,
    p_service        text)
returns bigint
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_phone        text;
    v_email        text;
    v_key          text;
    v_name_key     text;
    v_provider     providers;
    v_patient_id   bigint;
    v_starts       timestamptz := heard_time(p_starts_at);
    v_ends         timestamptz := heard_time(p_ends_at);
    v_alternatives jsonb;
    v_details      jsonb;
    v_item         follow_ups;
    v_id           bigint;
    v_kind         text;
    v_event_id     bigint;
begin
    -- How to reach the caller, by booking's own rules; over booking's limits is not a contact.
    if length(p_phone) <= 100 then
        v_phone := normalize_phone(p_phone, p_org.region);
    end if;
    if length(p_email) <= 1000 then
        v_email := normalize_email(p_email);
        if not coalesce(is_valid_email(v_email), false) then
            v_email := null;
        end if;
    end if;
    v_key := coalesce(v_phone, v_email);
    if v_key is null then
        return null;
    end if;

    -- The provider asked for, if it is this clinic's (an inactive one too: the desk can say so).
    select * into v_provider from providers where org_id = p_org.id and id = p_provider_id;
    -- A patient of the clinic with that number or address; of several, the one of that name.
    if length(p_patient_name) <= 1000 then
        v_name_key := patient_lock_key(normalize_name(p_patient_name));
    end if;
    select id into v_patient_id from patients
    where org_id = p_org.id and (phone = v_phone or email = v_email)
    order by name_key = v_name_key desc nulls last, phone = v_phone desc nulls last, id
    limit 1;

    -- The nearest free starts now: those of the refusal when it has them (computed with the
    -- schedule's lock), else found for a bookable provider and a slot of a bookable length.
    if p_answer ? 'alternatives' then
        v_alternatives := p_answer->'alternatives';
    elsif v_provider.active and v_ends > v_starts and v_ends - v_starts <= interval '8 hours' then
        select coalesce(jsonb_agg(s), '[]') into v_alternatives
        from nearest_free_slots(p_org.id, v_provider.id, v_starts, v_ends - v_starts, v_patient_id) s;
    end if;

    v_details := jsonb_build_object(
        'caller_name', heard_text(p_patient_name, 100),
        'phone', coalesce(v_phone, heard_text(p_phone, 100)),
        'email', coalesce(v_email, heard_text(p_email, 254)),
        'provider_id', v_provider.id,
        'provider_name', v_provider.display_name,
        'starts_at', v_starts,
        'ends_at', v_ends,
        'service', heard_text(p_service, 200),
        'code', p_answer->>'code',
        'message', p_answer->>'message',
        'alternatives', coalesce(v_alternatives, '[]'),
        'attempts', 1);

    -- The caller's open callback: by this call's key, else by its other contact (a caller whose
    -- number was garbled this time, and who gave the same address).
    for v_try in 1..2 loop
        select * into v_item from follow_ups
        where org_id = p_org.id and kind = 'callback' and status <> 'done'
          and (contact_key = v_phone or contact_key = v_email)
        order by contact_key = v_key desc, id
        limit 1
        for update;
        if v_item.id is not null then
            -- The same request sent again, its answer lost on the way: the same callback, unchanged.
            if v_item.request_key = p_idempotency_key
               and v_item.callback - 'alternatives' - 'attempts' = v_details - 'alternatives' - 'attempts' then
                return v_item.id;
            end if;
            update follow_ups
            set callback = v_details || jsonb_build_object(
                    'attempts', coalesce((v_item.callback->>'attempts')::integer, 1) + 1),
                recipient = coalesce(v_phone, v_item.recipient),
                patient_id = coalesce(v_patient_id, v_item.patient_id),
                due_at = now() + interval '2 minutes',
                request_key = p_idempotency_key
            where id = v_item.id;
            v_id := v_item.id;
            v_patient_id := coalesce(v_patient_id, v_item.patient_id);
            v_kind := 'callback.refreshed';
            exit;
        end if;
        -- None: queue one. A call of the same caller that queued one since this statement began
        -- wins the index; READ COMMITTED then refreshes it on the second pass, and REPEATABLE READ
        -- (which cannot see it) gets 40001 from the insert.
        insert into follow_ups (org_id, kind, purpose, recipient, callback, patient_id, contact_key, due_at, request_key)
        values (p_org.id, 'callback', 'failed_call', v_phone, v_details, v_patient_id, v_key,
                now() + interval '2 minutes', p_idempotency_key)
        on conflict (org_id, contact_key) where kind = 'callback' and status <> 'done' do nothing
        returning id into v_id;
        if v_id is not null then
            v_kind := 'callback.queued';
            exit;
        end if;
    end loop;
    if v_id is null then
        raise sqlstate '40001';   -- raced twice in a row: RETRY
    end if;

    insert into events (org_id, kind, patient_id, details)
    values (p_org.id, v_kind, v_patient_id, jsonb_build_object('follow_up_id', v_id, 'code', p_answer->>'code'))
    returning id into v_event_id;
    perform pg_notify('frontdesk_changes', jsonb_build_object(
        'org_id', p_org.id, 'event_id', v_event_id, 'appointment_id', null)::text);
    return v_id;
end;
$$;

-- ---- Completion by a booking ----------------------------------------------------------------------
-- A booking (any source) of a patient with an open callback (by the patient's phone or email, as
-- the booking leaves the record) completes it as 'booked': the agent booked an alternative later
-- in the same call, or the desk booked the caller. A trigger on the booking's event, so it runs
-- in the booking's own subtransaction and only for a booking made now (a stored answer given
-- again for a retried key logs nothing): a callback changed since a REPEATABLE READ snapshot
-- (40001), a deadlock or the caller's lock_timeout make the booking answer RETRY, with nothing
-- booked. One queued after the snapshot (or, under READ COMMITTED, still uncommitted) is not
-- seen: as if queued just after this booking.
create function frontdesk.complete_callbacks_of_booking() returns trigger
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_item     follow_ups;
    v_event_id bigint;
begin
    for v_item in
        select f.* from follow_ups f, patients p
        where p.id = new.patient_id
          and f.org_id = new.org_id and f.kind = 'callback' and f.status <> 'done'
          and (f.contact_key = p.phone or f.contact_key = p.email)
        order by f.id
        for update of f
    loop
        update follow_ups
        set status = 'done', outcome = 'booked', note = null, completed_by = session_user, completed_at = now()
        where id = v_item.id;
        insert into events (org_id, kind, appointment_id, patient_id, details)
        values (new.org_id, 'follow_up.complete', new.appointment_id, new.patient_id,
                jsonb_build_object('follow_up_id', v_item.id, 'kind', 'callback', 'outcome', 'booked'))
        returning id into v_event_id;
        perform pg_notify('frontdesk_changes', jsonb_build_object(
            'org_id', new.org_id, 'event_id', v_event_id, 'appointment_id', new.appointment_id)::text);
    end loop;
    return null;
end;
$$;

create trigger events_complete_callbacks
    after insert on frontdesk.events
    for each row
    when (new.kind = 'appointment.booked')
    execute function frontdesk.complete_callbacks_of_booking();

-- ---- Booking, v10 -----------------------------------------------------------------------------------
-- As v7, and then: an AI agent's refusal that a person can fix queues (or refreshes) a callback
-- when the caller can be reached, and the answer says so with "callback_id". By then the
-- refusal's own writes and locks are rolled back (book_appointment_unchecked's block), so queueing
-- waits on no schedule and no half booking is left; queueing has a subtransaction of its own, so a
-- concurrent change that makes it fail (40001, a deadlock, the caller's lock_timeout) answers RETRY
-- with nothing stored. A booking completes its patient's callbacks by the trigger above.
create or replace function frontdesk.book_appointment_atomic(
    p_org_id          bigint,
    p_provider_id     bigint,
    p_starts_at       timestamptz,
    p_ends_at         timestamptz,
    p_patient_name    text,
    p_phone           text,
    p_email           text,
    p_source          text,
    p_idempotency_key text,
    p_service         text default null,
    p_notes           text default null)
returns jsonb
language plpgsql security definer
set search_path = frontdesk, pg_temp
as $$
declare
    v_refusal  jsonb;
    v_answer   jsonb;
    v_org      organisations;
    v_callback bigint;
begin
    -- Before any read: a SERIALIZABLE transaction's reads alone can get it aborted at COMMIT.
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    if p_source is null or p_source not in ('ai_voice', 'staff') then
        return booking_error('INVALID_SOURCE', 'source must be ai_voice or staff');
    end if;
    -- Staff book as staff for their own clinic; an agent login books as the AI voice agent for the
    -- clinics granted to it. Before anything is stored, a callback included.
    if not is_admin() and not (
        case p_source
            when 'staff' then exists (select 1 from staff where login = session_user and active and org_id = p_org_id)
            else exists (select 1 from agent_grants where login = session_user and org_id = p_org_id)
        end) then
        return booking_error('NOT_PERMITTED', 'this login may not book for that clinic as ' || p_source);
    end if;
    v_answer := book_appointment_unchecked(p_org_id, p_provider_id, p_starts_at, p_ends_at, p_patient_name,
                                           p_phone, p_email, p_source, p_idempotency_key, p_service, p_notes);
    -- The person at the desk needs no callback; a caller of the AI agent does.
    if p_source = 'ai_voice' and v_answer->>'ok' = 'false' and is_fixable_refusal(v_answer->>'code') then
        begin
            select * into v_org from organisations where id = p_org_id;
            v_callback := queue_callback(v_org, v_answer, p_provider_id, p_starts_at, p_ends_at, p_patient_name,
                                         p_phone, p_email, p_idempotency_key, p_service);
        exception
            when serialization_failure or deadlock_detected or lock_not_available or unique_violation then
                return retry_error();
        end;
        if v_callback is not null then
            v_answer := v_answer || jsonb_build_object('callback_id', v_callback);
        end if;
    end if;
    return v_answer;
end;
$$;

-- ---- Completing a follow-up, v8: outcomes per kind ---------------------------------------------------
-- As v7; a callback's outcomes are booked, called_back, no_answer and not_needed (a note unless
-- booked), an SMS's and a calendar entry's sent, failed and skipped (a note unless sent). An
-- outcome of the other kind is INVALID_OUTCOME. A note is trimmed of any white space. The events
-- carry the item's patient, if known.
create or replace function frontdesk.apply_follow_up_action(
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
    v_refusal  jsonb;
begin
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    select * into v_item from follow_ups where id = p_follow_up_id;
    if v_item.id is null or not may_manage_appointments(v_item.org_id, false) then
        return booking_error('UNKNOWN_FOLLOW_UP', 'no such follow-up at this clinic');
    end if;
    if p_action = 'complete' then
        -- An item's kind never changes: checked before the row's lock.
        if v_item.kind = 'callback' then
            if p_outcome is null or p_outcome not in ('booked', 'called_back', 'no_answer', 'not_needed') then
                return booking_error('INVALID_OUTCOME', 'a callback''s outcome is booked, called_back, no_answer or not_needed');
            end if;
        elsif p_outcome is null or p_outcome not in ('sent', 'failed', 'skipped') then
            return booking_error('INVALID_OUTCOME', 'the outcome is sent, failed or skipped');
        end if;
        -- Trimmed of every kind of white space (v7 trimmed spaces only: a tab was a note).
        p_note := nullif(btrim(p_note, E' \t\n\r\u000b\f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005'
                                       || E'\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'), '');
        if p_outcome not in ('sent', 'booked') and p_note is null then
            return booking_error('NOTE_REQUIRED', case when v_item.kind = 'callback'
                                                       then 'say what came of the callback'
                                                       else 'say why it failed or was skipped' end);
        end if;
        if length(p_note) > 1000 then
            return booking_error('TEXT_TOO_LONG', 'a note is at most 1000 characters');
        end if;
    elsif p_action is null or p_action not in ('claim', 'release') then
        return booking_error('INVALID_ACTION', 'no such action: ' || coalesce(p_action, 'null'));
    end if;

    begin
        -- The item's row lock: two desks never both win.
        select * into v_item from follow_ups where id = p_follow_up_id for update;
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
        else
            -- The claimer completes, even after the claim ran out, unless another desk claimed since.
            if not v_mine then
                return booking_error('NOT_CLAIMED', 'claim the follow-up before completing it');
            end if;
            update follow_ups
            set status = 'done', outcome = p_outcome, note = p_note, completed_by = session_user, completed_at = now()
            where id = v_item.id;
        end if;

        insert into events (org_id, kind, appointment_id, patient_id, details)
        values (v_item.org_id, 'follow_up.' || p_action, v_item.appointment_id, v_item.patient_id,
                jsonb_strip_nulls(jsonb_build_object('follow_up_id', v_item.id, 'kind', v_item.kind,
                                                     'outcome', p_outcome, 'note', p_note)))
        returning id into v_event_id;
        perform pg_notify('frontdesk_changes', jsonb_build_object(
            'org_id', v_item.org_id, 'event_id', v_event_id, 'appointment_id', v_item.appointment_id)::text);
    exception
        when serialization_failure or deadlock_detected or lock_not_available then
            return retry_error();
    end;
    return jsonb_build_object('ok', true, 'follow_up_id', v_item.id,
                              'status', (select status from follow_ups where id = v_item.id));
end;
$$;

-- ---- Privileges -------------------------------------------------------------------------------------
-- The helpers are the booking function's own: no client calls them. Agents still cannot read the
-- queue (no grant on follow_ups); they learn only the callback's id.
revoke all on function frontdesk.heard_text(text, integer), frontdesk.heard_time(timestamptz),
                       frontdesk.is_fixable_refusal(text),
                       frontdesk.queue_callback(frontdesk.organisations, jsonb, bigint, timestamptz, timestamptz,
                                                text, text, text, text, text),
                       frontdesk.complete_callbacks_of_booking()
    from public;
