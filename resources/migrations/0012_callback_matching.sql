-- Frontdesk schema v12: a callback is completed by its own caller's booking, and found by the
-- number it learnt.
--
-- v10 completed an open callback when any patient sharing its phone or email was booked: booking
-- Leo Garcia on the family phone closed his mother's callback, and she was never called back. A
-- booking now completes a callback only for the patient it was matched to, or for a patient of the
-- same name as heard. (The desk completes a callback it booked from explicitly, whatever the name
-- became.) And a callback queued under an e-mail address (the number was garbled) that later
-- learns the caller's number from another refused call is keyed by that number from then on, so a
-- booking or a third call by that number finds it instead of queueing a second one.

create or replace function frontdesk.queue_callback(
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
                -- Known by a number now: keyed by it, so a booking or a call by that number finds it.
                contact_key = coalesce(v_phone, v_item.contact_key),
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

create or replace function frontdesk.complete_callbacks_of_booking() returns trigger
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
          -- The caller, not whoever shares the number (a family's phone, a shared address): the
          -- patient the callback was matched to, or the same name as heard.
          and (f.patient_id = p.id
               or p.name_key = patient_lock_key(normalize_name(left(f.callback->>'caller_name', 1000))))
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
