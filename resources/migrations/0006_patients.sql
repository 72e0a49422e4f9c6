-- Frontdesk schema v6: finding patients as you type, their history, and what was said to them.

-- Interactions: the AI agent's call notes and the desk's notes on a patient.
create table frontdesk.interactions (
    id             bigint generated always as identity primary key,
    org_id         bigint not null references frontdesk.organisations (id),
    patient_id     bigint not null,
    appointment_id bigint,
    kind           text not null check (kind in ('ai_call', 'staff_note')),
    body           text not null check (btrim(body) <> '' and length(body) <= 4000),
    created_by     text not null default session_user,
    occurred_at    timestamptz not null default now(),
    foreign key (org_id, patient_id) references frontdesk.patients (org_id, id),
    foreign key (org_id, appointment_id) references frontdesk.appointments (org_id, id)
);
create index interactions_patient on frontdesk.interactions (org_id, patient_id, occurred_at);

alter table frontdesk.interactions enable row level security;
alter table frontdesk.interactions force row level security;
create policy tenant on frontdesk.interactions
    using ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]))
    with check ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]));
grant select on frontdesk.interactions to frontdesk_receptionist;

-- Partial phone numbers are searched by their digits.
create index patients_phone_trgm on frontdesk.patients using gin (phone public.gin_trgm_ops);

-- Patients of a clinic matching what the desk types: a part of the name (any case, a typo or two
-- forgiven by trigram similarity), or three or more digits of the phone number, best first. Fewer
-- than two characters find nothing. Reads through the caller's row-level security.
create function frontdesk.search_patients(p_org_id bigint, p_query text, p_limit integer default 20)
returns table (patient_id bigint, full_name text, phone text, email text, next_appointment timestamptz,
               last_appointment timestamptz)
language sql stable
set search_path = frontdesk, pg_temp
as $$
    with q as (
        select btrim(coalesce(p_query, '')) as text,
               regexp_replace(coalesce(p_query, ''), '[^0-9]', '', 'g') as digits,
               -- What was typed, as a LIKE pattern that matches it literally.
               '%' || regexp_replace(lower(btrim(coalesce(p_query, ''))), '([\\%_])', '\\\1', 'g') || '%' as pattern
    ), found as (
        select p.*, case
                   when q.text ~ '[[:alpha:]]' or length(q.digits) < 3
                       then public.similarity(lower(p.full_name), lower(q.text))
                            + case when lower(p.full_name) like q.pattern then 1 else 0 end
                   else 1 end as score
        from patients p, q
        where p.org_id = p_org_id
          and length(q.text) >= 2
          and (case
                   when q.text !~ '[[:alpha:]]' and length(q.digits) >= 3
                       then p.phone like '%' || q.digits || '%'
                   else lower(p.full_name) like q.pattern
                        or lower(p.full_name) operator(public.%) lower(q.text)
               end)
    )
    select f.id, f.full_name, f.phone, f.email,
           (select min(a.starts_at) from appointments a
            where a.patient_id = f.id and a.starts_at >= now() and a.status not in ('cancelled', 'no_show')),
           (select max(a.starts_at) from appointments a where a.patient_id = f.id and a.starts_at < now())
    from found f
    order by f.score desc, f.full_name, f.id
    limit least(greatest(coalesce(p_limit, 20), 1), 100)
$$;

-- A patient's history for the desk: past and future appointments, no-shows, interactions.
-- {"ok": true, "patient": {...}, "appointments": [...], "no_shows": n, "interactions": [...]}, or
-- UNKNOWN_PATIENT (also for another clinic's patient).
create function frontdesk.patient_history(p_patient_id bigint)
returns jsonb
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select coalesce((
        select jsonb_build_object(
            'ok', true,
            'patient', jsonb_build_object('id', p.id, 'full_name', p.full_name, 'phone', p.phone, 'email', p.email,
                                          'since', p.created_at),
            'appointments', coalesce((
                select jsonb_agg(jsonb_build_object(
                    'id', a.id, 'starts_at', a.starts_at, 'ends_at', a.ends_at, 'status', a.status,
                    'source', a.source, 'service', a.service, 'provider', pr.display_name) order by a.starts_at desc)
                from appointments a join providers pr on pr.id = a.provider_id
                where a.patient_id = p.id), '[]'),
            'no_shows', (select count(*) from appointments a where a.patient_id = p.id and a.status = 'no_show'),
            'interactions', coalesce((
                select jsonb_agg(jsonb_build_object(
                    'id', i.id, 'kind', i.kind, 'body', i.body, 'created_by', i.created_by,
                    'occurred_at', i.occurred_at, 'appointment_id', i.appointment_id) order by i.occurred_at desc, i.id desc)
                from interactions i where i.patient_id = p.id), '[]'))
        from patients p where p.id = p_patient_id),
        jsonb_build_object('ok', false, 'code', 'UNKNOWN_PATIENT', 'message', 'no such patient at this clinic'))
$$;

-- Writing an interaction: staff write notes, the AI agent records its calls, each only for a
-- patient of a clinic of theirs.
create function frontdesk.record_interaction(p_patient_id bigint, p_kind text, p_body text, p_appointment_id bigint)
returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_patient  patients;
    v_id       bigint;
    v_event_id bigint;
begin
    select * into v_patient from patients where id = p_patient_id;
    if v_patient.id is null
       or (p_kind = 'staff_note' and not may_manage_appointments(v_patient.org_id, false))
       or (p_kind = 'ai_call' and not (is_admin() or exists (
               select 1 from agent_grants where login = session_user and org_id = v_patient.org_id))) then
        return booking_error('UNKNOWN_PATIENT', 'no such patient at this clinic');
    end if;
    p_body := nullif(btrim(p_body), '');
    if p_body is null then
        return booking_error('NOTE_REQUIRED', 'the note is empty');
    end if;
    if length(p_body) > 4000 then
        return booking_error('TEXT_TOO_LONG', 'a note is at most 4000 characters');
    end if;
    if p_appointment_id is not null and not exists (
        select 1 from appointments where id = p_appointment_id and patient_id = v_patient.id) then
        return booking_error('UNKNOWN_APPOINTMENT', 'that appointment is not this patient''s');
    end if;
    insert into interactions (org_id, patient_id, appointment_id, kind, body)
    values (v_patient.org_id, v_patient.id, p_appointment_id, p_kind, p_body)
    returning id into v_id;
    insert into events (org_id, kind, appointment_id, patient_id, details)
    values (v_patient.org_id, 'patient.' || p_kind, p_appointment_id, v_patient.id,
            jsonb_build_object('interaction_id', v_id))
    returning id into v_event_id;
    perform pg_notify('frontdesk_changes', jsonb_build_object(
        'org_id', v_patient.org_id, 'event_id', v_event_id, 'appointment_id', p_appointment_id)::text);
    return jsonb_build_object('ok', true, 'interaction_id', v_id);
end;
$$;

create function frontdesk.add_patient_note(p_patient_id bigint, p_body text, p_appointment_id bigint default null)
returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select record_interaction(p_patient_id, 'staff_note', p_body, p_appointment_id) $$;

create function frontdesk.record_ai_call(p_patient_id bigint, p_summary text, p_appointment_id bigint default null)
returns jsonb
language sql security definer set search_path = frontdesk, pg_temp
as $$ select record_interaction(p_patient_id, 'ai_call', p_summary, p_appointment_id) $$;

-- Patients of a clinic who look like one person: the same normalised phone or email under
-- more than one record (booking matches a caller by name and phone or email, so a changed
-- spelling of a name makes a second record). For review; nothing is merged here.
create function frontdesk.duplicate_patients(p_org_id bigint)
returns table (patient_id bigint, duplicate_of bigint, shared text, value text)
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select b.id, a.id, 'phone', a.phone
    from patients a join patients b on b.org_id = a.org_id and b.phone = a.phone and b.id > a.id
    where a.org_id = p_org_id
    union all
    select b.id, a.id, 'email', a.email
    from patients a join patients b on b.org_id = a.org_id and b.email = a.email and b.id > a.id
    where a.org_id = p_org_id
    order by 1, 2, 3
$$;

revoke all on function frontdesk.search_patients(bigint, text, integer), frontdesk.patient_history(bigint),
                       frontdesk.record_interaction(bigint, text, text, bigint),
                       frontdesk.add_patient_note(bigint, text, bigint), frontdesk.record_ai_call(bigint, text, bigint),
                       frontdesk.duplicate_patients(bigint)
    from public;
grant execute on function frontdesk.search_patients(bigint, text, integer), frontdesk.patient_history(bigint),
                          frontdesk.duplicate_patients(bigint)
    to frontdesk_receptionist, frontdesk_agent;
grant execute on function frontdesk.add_patient_note(bigint, text, bigint) to frontdesk_receptionist;
grant execute on function frontdesk.record_ai_call(bigint, text, bigint) to frontdesk_agent;
grant select on frontdesk.interactions to frontdesk_agent;
