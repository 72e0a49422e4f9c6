-- Frontdesk schema v3: the appointment's life cycle, and booking that answers correctly under
-- every isolation level.

-- Booking claims its idempotency key before it writes the appointment (see below), so the key's
-- reference to the appointment is checked at commit.
alter table frontdesk.booking_requests
    alter constraint booking_requests_appointment_id_fkey deferrable initially deferred;

-- Booking, v3. v1 refused REPEATABLE READ and SERIALIZABLE callers, whose snapshot can predate a
-- same-key request committed while they waited for its lock. Now they are served: the key is
-- claimed first, and a same-key request that committed meanwhile makes the call answer
-- IDEMPOTENCY_RETRY (call again in a new transaction for the original answer), never a wrong one.
-- A losing caller at any isolation level gets SLOT_UNAVAILABLE: the exclusion constraint sees
-- every committed row whatever the snapshot.
create or replace function frontdesk.book_appointment_unchecked(
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
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_org         organisations;
    v_name        text;
    v_phone       text;
    v_email       text;
    v_hash        text;
    v_prior       booking_requests;
    v_patient_id  bigint;
    v_appt_id     bigint;
    v_event_id    bigint;
    v_has_phone   boolean;
    v_service     text;
    v_notes       text;
    v_result      jsonb;
    v_slots       jsonb;
begin
    if p_idempotency_key is null or length(p_idempotency_key) > 200
       or p_idempotency_key ~ '^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$' then
        return booking_error('INVALID_IDEMPOTENCY_KEY', 'an idempotency key of 1 to 200 characters is required');
    end if;

    -- Normalise first: the idempotency check compares normalised requests.
    select * into v_org from organisations where id = p_org_id;
    v_name := normalize_name(p_patient_name);
    -- Only white space is no phone at all, as in the desk's dialog.
    v_has_phone := coalesce(p_phone, '') !~ '^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$';
    if v_has_phone then
        v_phone := normalize_phone(p_phone, v_org.region);
    end if;
    v_email := normalize_email(p_email);
    v_service := nullif(btrim(p_service), '');
    v_notes := nullif(btrim(p_notes), '');
    v_hash := booking_request_hash(p_org_id, p_provider_id, p_starts_at, p_ends_at,
                                   v_name, v_phone, v_email, p_source, v_service, v_notes);

    -- A retry is answered from what was stored before any check whose outcome can change
    -- with time (the clock, opening hours, a provider made inactive): the booking exists.
    -- Lock order: the key, then the provider, then the patient. Concurrent retries of one key
    -- queue on the first lock; requests for one provider's day on the second.
    perform pg_advisory_xact_lock(hashtextextended('frontdesk.key:' || p_org_id || ':' || p_idempotency_key, 0));
    select * into v_prior from booking_requests
    where org_id = p_org_id and idempotency_key = p_idempotency_key;
    if v_prior.org_id is not null then
        if v_prior.request_hash = v_hash then
            return v_prior.result;
        end if;
        return booking_error('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for a different request');
    end if;

    -- Validate, cheapest checks first; nothing is written until all pass.
    if p_source is null or p_source not in ('ai_voice', 'staff') then
        return booking_error('INVALID_SOURCE', 'source must be ai_voice or staff');
    end if;
    if v_org.id is null then
        return booking_error('UNKNOWN_ORG', 'no such clinic');
    end if;
    if p_provider_id is null or not exists (
        select 1 from providers where org_id = p_org_id and id = p_provider_id and active) then
        return booking_error('UNKNOWN_PROVIDER', 'no such active provider at this clinic');
    end if;
    if not coalesce(is_valid_name(v_name), false) then
        return booking_error('INVALID_NAME', 'the patient name is missing or not a name');
    end if;
    if v_has_phone and v_phone is null then
        return booking_error('INVALID_PHONE', 'not a valid phone number for region ' || v_org.region);
    end if;
    if v_email is not null and not is_valid_email(v_email) then
        return booking_error('INVALID_EMAIL', 'not a valid email address');
    end if;
    if v_phone is null and v_email is null then
        return booking_error('CONTACT_REQUIRED', 'a phone number or an email address is required');
    end if;
    if length(v_service) > 200 or length(v_notes) > 2000 then
        return booking_error('TEXT_TOO_LONG', 'service is limited to 200 characters, notes to 2000');
    end if;
    if p_starts_at is null or p_ends_at is null or p_ends_at <= p_starts_at
       or p_ends_at - p_starts_at > interval '8 hours' then
        return booking_error('INVALID_TIME', 'the appointment needs a start before its end, at most 8 hours apart');
    end if;
    -- A few minutes of grace so a walk-in booked "now" is not refused.
    if p_starts_at < now() - interval '5 minutes' then
        return booking_error('IN_THE_PAST', 'the appointment would start in the past');
    end if;
    if not within_opening_hours(v_org, p_starts_at, p_ends_at) then
        return booking_error('OUTSIDE_HOURS', 'the clinic is closed at that time');
    end if;

    perform pg_advisory_xact_lock(hashtextextended('frontdesk.provider:' || p_org_id || ':' || p_provider_id, 0));

    -- A repeat caller is the same patient when name and phone, or name and email, agree. The
    -- lock keeps two bookings of one new patient with different providers from creating the
    -- patient twice.
    perform pg_advisory_xact_lock(hashtextextended('frontdesk.patient:' || p_org_id || ':' || lower(v_name), 0));
    select id into v_patient_id from patients
    where org_id = p_org_id and lower(full_name collate "und-x-icu") = lower(v_name collate "und-x-icu")
      and ((v_phone is not null and phone = v_phone) or (v_email is not null and email = v_email))
    order by id
    limit 1;

    begin
        -- The key is claimed before the appointment is written. A REPEATABLE READ or SERIALIZABLE
        -- caller's snapshot may predate a same-key request that committed while this call waited
        -- for the key's lock; the unique key still sees it, and the caller is told to retry in a
        -- new transaction rather than given a wrong answer. (READ COMMITTED never gets here then:
        -- its lookup above saw the row.)
        v_appt_id := nextval(pg_get_serial_sequence('frontdesk.appointments', 'id'));
        insert into booking_requests (org_id, idempotency_key, request_hash, result, appointment_id)
        values (p_org_id, p_idempotency_key, v_hash, '{}', v_appt_id);

        if v_patient_id is null then
            insert into patients (org_id, full_name, phone, email)
            values (p_org_id, v_name, v_phone, v_email)
            returning id into v_patient_id;
        else
            update patients
            set phone = coalesce(phone, v_phone), email = coalesce(email, v_email)
            where id = v_patient_id and (phone is null and v_phone is not null
                                         or email is null and v_email is not null);
        end if;

        insert into appointments (id, org_id, provider_id, patient_id, starts_at, ends_at, source, service, notes)
        overriding system value
        values (v_appt_id, p_org_id, p_provider_id, v_patient_id, p_starts_at, p_ends_at, p_source, v_service, v_notes);
    exception
        when unique_violation then
            return booking_error('IDEMPOTENCY_RETRY',
                'a request with this idempotency key committed after this transaction began; call again in a new transaction');
        when exclusion_violation then
            -- The subtransaction rolled back: a patient created above is gone too.
            select coalesce(jsonb_agg(s), '[]') into v_slots
            from nearest_free_slots(p_org_id, p_provider_id, p_starts_at, p_ends_at - p_starts_at) s;
            return booking_error('SLOT_UNAVAILABLE', 'the provider is already booked at that time',
                                 jsonb_build_object('alternatives', v_slots));
    end;

    v_result := jsonb_build_object(
        'ok', true,
        'appointment_id', v_appt_id,
        'patient_id', v_patient_id,
        'provider_id', p_provider_id,
        'starts_at', p_starts_at,
        'ends_at', p_ends_at,
        'patient_name', v_name,
        'phone', v_phone,
        'email', v_email);

    update booking_requests set result = v_result
    where org_id = p_org_id and idempotency_key = p_idempotency_key;

    insert into events (org_id, kind, appointment_id, patient_id, details)
    values (p_org_id, 'appointment.booked', v_appt_id, v_patient_id,
            jsonb_build_object('source', p_source, 'provider_id', p_provider_id))
    returning id into v_event_id;

    -- The doorbell: ids only, since any role may LISTEN on any channel.
    perform pg_notify('frontdesk_changes', jsonb_build_object(
        'org_id', p_org_id, 'event_id', v_event_id, 'appointment_id', v_appt_id)::text);

    return v_result;
end;
$$;

-- The appointment's life after booking: confirm, check in, complete, cancel (with a reason),
-- no-show, reschedule, and, for managers, reopen. Each is atomic (the row is locked), logged in
-- the event log, rings the doorbell, and refuses a transition that makes no sense with
-- INVALID_TRANSITION. Asking for the state the appointment is already in answers ok with
-- "unchanged": true, so a replayed request (an offline desk's outbox) does no harm.

-- May the login act on this clinic's appointments (as a manager, when asked)?
create function frontdesk.may_manage_appointments(p_org_id bigint, p_manager_only boolean)
returns boolean
language sql stable security definer
set search_path = frontdesk, pg_temp
as $$
    select is_admin() or exists (
        select 1 from staff
        where login = session_user and active and org_id = p_org_id
          and (not p_manager_only or kind = 'manager'))
$$;

create function frontdesk.apply_appointment_action(
    p_appointment_id bigint,
    p_action         text,
    p_reason         text default null,
    p_new_starts_at  timestamptz default null,
    p_new_ends_at    timestamptz default null,
    p_new_provider   bigint default null)
returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_appt     appointments;
    v_org      organisations;
    v_target   text;
    v_allowed  text[];
    v_local    date;
    v_provider bigint;
    v_event_id bigint;
    v_details  jsonb;
    v_slots    jsonb;
begin
    -- Another clinic's appointment does not exist for this login: the policies hide it, and the
    -- explicit check says the same when the owner is a superuser (whom no policy binds).
    select * into v_appt from appointments where id = p_appointment_id;
    if v_appt.id is null or not may_manage_appointments(v_appt.org_id, false) then
        return booking_error('UNKNOWN_APPOINTMENT', 'no such appointment at this clinic');
    end if;
    if not may_manage_appointments(v_appt.org_id, p_action = 'reopen') then
        return booking_error('NOT_PERMITTED', 'this login may not ' || p_action || ' appointments of that clinic');
    end if;
    select * into v_org from organisations where id = v_appt.org_id;

    -- Provider locks first, in id order, as booking takes them; then the row.
    v_provider := coalesce(p_new_provider, v_appt.provider_id);
    perform pg_advisory_xact_lock(hashtextextended('frontdesk.provider:' || v_appt.org_id || ':' || p, 0))
    from unnest(array[least(v_appt.provider_id, v_provider), greatest(v_appt.provider_id, v_provider)]) p
    group by p order by p;
    select * into v_appt from appointments where id = p_appointment_id for update;

    case p_action
        when 'confirm' then v_target := 'confirmed'; v_allowed := '{booked}';
        when 'check_in' then v_target := 'arrived'; v_allowed := '{booked,confirmed}';
        when 'complete' then v_target := 'completed'; v_allowed := '{arrived}';
        when 'cancel' then v_target := 'cancelled'; v_allowed := '{booked,confirmed}';
        when 'no_show' then v_target := 'no_show'; v_allowed := '{booked,confirmed}';
        when 'reschedule' then v_target := 'booked'; v_allowed := '{booked,confirmed}';
        when 'reopen' then v_target := 'booked'; v_allowed := '{cancelled,no_show}';
        else
            return booking_error('INVALID_ACTION', 'no such action: ' || coalesce(p_action, 'null'));
    end case;

    if v_appt.status = v_target and p_action not in ('reschedule', 'reopen') then
        return jsonb_build_object('ok', true, 'appointment_id', v_appt.id, 'status', v_appt.status, 'unchanged', true);
    end if;
    if not (v_appt.status = any (v_allowed)) then
        return booking_error('INVALID_TRANSITION',
            format('cannot %s an appointment that is %s', replace(p_action, '_', ' '), v_appt.status),
            jsonb_build_object('status', v_appt.status));
    end if;

    v_local := (now() at time zone v_org.time_zone)::date;
    if p_action = 'check_in' and (v_appt.starts_at at time zone v_org.time_zone)::date <> v_local then
        return booking_error('INVALID_TRANSITION', 'check in only on the appointment''s day',
                             jsonb_build_object('status', v_appt.status));
    end if;
    if p_action = 'no_show' and v_appt.starts_at > now() then
        return booking_error('INVALID_TRANSITION', 'a no-show is only known after the appointment''s start',
                             jsonb_build_object('status', v_appt.status));
    end if;
    if p_action = 'cancel' then
        p_reason := nullif(btrim(p_reason), '');
        if p_reason is null or length(p_reason) > 500 then
            return booking_error('REASON_REQUIRED', 'cancelling needs a reason of at most 500 characters');
        end if;
    end if;
    if p_action = 'reopen' and v_appt.starts_at < now() then
        return booking_error('IN_THE_PAST', 'only a future appointment can be reopened');
    end if;

    v_details := jsonb_build_object('from', v_appt.status, 'to', v_target);
    if p_action = 'reschedule' then
        if p_new_starts_at is null or p_new_ends_at is null or p_new_ends_at <= p_new_starts_at
           or p_new_ends_at - p_new_starts_at > interval '8 hours' then
            return booking_error('INVALID_TIME', 'the appointment needs a start before its end, at most 8 hours apart');
        end if;
        if p_new_starts_at < now() - interval '5 minutes' then
            return booking_error('IN_THE_PAST', 'the appointment would start in the past');
        end if;
        if not within_opening_hours(v_org, p_new_starts_at, p_new_ends_at) then
            return booking_error('OUTSIDE_HOURS', 'the clinic is closed at that time');
        end if;
        if not exists (select 1 from providers where org_id = v_appt.org_id and id = v_provider and active) then
            return booking_error('UNKNOWN_PROVIDER', 'no such active provider at this clinic');
        end if;
        v_details := v_details || jsonb_build_object(
            'old_starts_at', v_appt.starts_at, 'old_ends_at', v_appt.ends_at, 'old_provider_id', v_appt.provider_id,
            'starts_at', p_new_starts_at, 'ends_at', p_new_ends_at, 'provider_id', v_provider);
        begin
            update appointments
            set starts_at = p_new_starts_at, ends_at = p_new_ends_at, provider_id = v_provider,
                status = 'booked', updated_at = now()
            where id = v_appt.id;
        exception when exclusion_violation then
            select coalesce(jsonb_agg(s), '[]') into v_slots
            from nearest_free_slots(v_appt.org_id, v_provider, p_new_starts_at, p_new_ends_at - p_new_starts_at) s;
            return booking_error('SLOT_UNAVAILABLE', 'the provider is already booked at that time',
                                 jsonb_build_object('alternatives', v_slots));
        end;
    else
        if p_action = 'reopen' then
            -- Back into the book only if its slot is still free.
            begin
                update appointments set status = v_target, updated_at = now() where id = v_appt.id;
            exception when exclusion_violation then
                return booking_error('SLOT_UNAVAILABLE', 'the slot has been taken meanwhile');
            end;
        else
            update appointments set status = v_target, updated_at = now() where id = v_appt.id;
        end if;
        if p_reason is not null then
            v_details := v_details || jsonb_build_object('reason', p_reason);
        end if;
    end if;

    insert into events (org_id, kind, appointment_id, patient_id, details)
    values (v_appt.org_id, 'appointment.' || p_action, v_appt.id, v_appt.patient_id, v_details)
    returning id into v_event_id;
    perform pg_notify('frontdesk_changes', jsonb_build_object(
        'org_id', v_appt.org_id, 'event_id', v_event_id, 'appointment_id', v_appt.id)::text);
    return jsonb_build_object('ok', true, 'appointment_id', v_appt.id, 'status', v_target);
end;
$$;

-- What clients call. Each runs with the owner's rights, held to the caller's policies.
create function frontdesk.confirm_appointment(p_appointment_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'confirm') $$;

create function frontdesk.check_in_appointment(p_appointment_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'check_in') $$;

create function frontdesk.complete_appointment(p_appointment_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'complete') $$;

create function frontdesk.cancel_appointment(p_appointment_id bigint, p_reason text) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'cancel', p_reason) $$;

create function frontdesk.mark_no_show(p_appointment_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'no_show') $$;

create function frontdesk.reschedule_appointment(
    p_appointment_id bigint, p_starts_at timestamptz, p_ends_at timestamptz, p_provider_id bigint default null)
returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'reschedule', null, p_starts_at, p_ends_at, p_provider_id) $$;

-- Managers only: put a cancelled or no-show appointment back into the book.
create function frontdesk.reopen_appointment(p_appointment_id bigint) returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select apply_appointment_action(p_appointment_id, 'reopen') $$;

revoke all on function frontdesk.may_manage_appointments(bigint, boolean),
                       frontdesk.apply_appointment_action(bigint, text, text, timestamptz, timestamptz, bigint),
                       frontdesk.confirm_appointment(bigint), frontdesk.check_in_appointment(bigint),
                       frontdesk.complete_appointment(bigint), frontdesk.cancel_appointment(bigint, text),
                       frontdesk.mark_no_show(bigint),
                       frontdesk.reschedule_appointment(bigint, timestamptz, timestamptz, bigint),
                       frontdesk.reopen_appointment(bigint)
    from public;
grant execute on function frontdesk.confirm_appointment(bigint), frontdesk.check_in_appointment(bigint),
                          frontdesk.complete_appointment(bigint), frontdesk.cancel_appointment(bigint, text),
                          frontdesk.mark_no_show(bigint),
                          frontdesk.reschedule_appointment(bigint, timestamptz, timestamptz, bigint),
                          frontdesk.reopen_appointment(bigint)
    to frontdesk_receptionist;
