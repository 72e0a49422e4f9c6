-- Frontdesk schema v8: fast at the size of a clinic group's history. Nothing here changes what a
-- call answers; how the answers are found changes. Figures: README.md, `./dev bench`.

-- ---- Who is asking, cheaply -------------------------------------------------------------------------
-- Every statement on a clinic table evaluates these through its row-level security policy, and a
-- booking runs dozens of such statements. As SQL functions they were parsed and planned again on
-- every call (SECURITY DEFINER SQL functions are never inlined): 79% of a booking's time on an
-- empty database. PL/pgSQL keeps their plans for the session; the answers are the same.
create or replace function frontdesk.is_admin() returns boolean
language plpgsql stable security definer
set search_path = frontdesk, pg_temp
as $$
begin
    return pg_catalog.pg_has_role(session_user,
        (select nspowner from pg_catalog.pg_namespace where nspname = 'frontdesk'), 'MEMBER');
end;
$$;

create or replace function frontdesk.my_org_ids() returns bigint[]
language plpgsql stable security definer
set search_path = frontdesk, pg_temp
as $$
begin
    return (select coalesce(array_agg(org_id), '{}')
            from (select org_id from staff where login = session_user and active
                  union
                  select org_id from agent_grants where login = session_user) mine);
end;
$$;

-- ---- Indexes the history needs, and conditions they can serve ---------------------------------------
-- Row-level security lets an index serve only conditions built from leakproof functions: the
-- policy must be checked before any function that might reveal a row in an error message. lower(),
-- tstzrange(), &&, LIKE and the trigram operators are not leakproof, so under the policies (which
-- hold for every client and, forced, for the owner's functions too) a condition using them reads
-- every row of the clinic, however the indexes are built. The lookups a booking, a search and the
-- alternatives make are therefore written with plain comparisons on plain columns, and indexed so.
--
-- The follow-up trigger numbers an appointment's calendar entries, and a patient's next and last
-- appointments are shown with every search result.
create index follow_ups_appointment on frontdesk.follow_ups (appointment_id, kind);
create index appointments_patient on frontdesk.appointments (patient_id, starts_at);
-- Whether a provider is free: a provider's appointments by start. An appointment is at most 8 hours
-- long (appointment_time_refusal), so one that overlaps [s, e) starts after s - 8 hours and before e.
create index appointments_provider on frontdesk.appointments (provider_id, starts_at);
-- A caller is matched to a patient record by the lower-cased name (patient_lock_key), kept as a
-- column so that the match is an equality of plain text.
alter table frontdesk.patients
    add column name_key text generated always as (lower(full_name collate "und-x-icu")) stored;
create index patients_name_key on frontdesk.patients (org_id, name_key);

-- ---- What search reads ---------------------------------------------------------------------------------
-- Part of a name, a typo, digits of a number: only the trigram operators find these, and they are
-- not leakproof. Search reads this copy of every patient's name and number instead, which has no
-- policy and which no client may read; search_patients (SECURITY DEFINER) checks the clinic first
-- and returns the patients through the policies of the patients table. A trigger keeps it current.
create table frontdesk.patient_search (
    patient_id bigint primary key references frontdesk.patients (id) on delete cascade,
    org_id     bigint not null,
    full_name  text not null,
    phone      text
);
create index patient_search_name on frontdesk.patient_search using gin (full_name public.gin_trgm_ops);
create index patient_search_phone on frontdesk.patient_search using gin (phone public.gin_trgm_ops);
revoke all on frontdesk.patient_search from public;
insert into frontdesk.patient_search (patient_id, org_id, full_name, phone)
select id, org_id, full_name, phone from frontdesk.patients;

create function frontdesk.copy_patient_for_search() returns trigger
language plpgsql security definer
set search_path = frontdesk, pg_temp
as $$
begin
    insert into patient_search (patient_id, org_id, full_name, phone)
    values (new.id, new.org_id, new.full_name, new.phone)
    on conflict (patient_id) do update
    set org_id = excluded.org_id, full_name = excluded.full_name, phone = excluded.phone;
    return null;
end;
$$;
revoke all on function frontdesk.copy_patient_for_search() from public;
create trigger patients_copy_for_search
    after insert or update of org_id, full_name, phone on frontdesk.patients
    for each row execute function frontdesk.copy_patient_for_search();

-- Whether a live appointment of the provider overlaps [starts, ends): by start, on
-- appointments_provider (see above for the 8 hours). The exclusion constraint stays the guarantee.
create function frontdesk.provider_is_busy(
    p_org_id bigint, p_provider_id bigint, p_starts_at timestamptz, p_ends_at timestamptz)
returns boolean
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
begin
    return exists (
        select 1 from appointments a
        where a.provider_id = p_provider_id and a.org_id = p_org_id and a.status not in ('cancelled', 'no_show')
          and a.starts_at > p_starts_at - interval '8 hours' and a.starts_at < p_ends_at
          and a.ends_at > p_starts_at);
end;
$$;
revoke all on function frontdesk.provider_is_busy(bigint, bigint, timestamptz, timestamptz) from public;

-- ---- Alternatives, nearest first, without reading the week ------------------------------------------
-- v7 tested every 15-minute start of eight days against the schedule and sorted them all: 75 ms
-- at a busy clinic, paid by every request refused for a taken slot. The same starts are now tried
-- nearest first (the earlier of two equally near), each by one probe of a btree index, until
-- enough are found. The answers are those of v7 (for appointments of at most 8 hours; a longer
-- one kept from before v7 is still refused by the constraints when booked over).
create or replace function frontdesk.nearest_free_slots(
    p_org_id bigint, p_provider_id bigint, p_starts_at timestamptz, p_length interval,
    p_patient_id bigint default null, p_count integer default 3)
returns setof timestamptz
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
declare
    v_org    organisations;
    v_wanted integer := greatest(least(coalesce(p_count, 3), 20), 0);
    v_found  integer := 0;
    v_first  timestamptz;
    v_last   timestamptz;
    v_step   interval := interval '0';
    v_start  timestamptz;
begin
    -- Only what booking would accept: extreme times would overflow the arithmetic below.
    if p_starts_at is null or p_length is null or not isfinite(p_starts_at)
       or p_starts_at < timestamptz '2000-01-01 00:00:00+00' or p_starts_at > now() + interval '2 years'
       or p_length <= interval '0' or p_length > interval '8 hours' or v_wanted = 0 then
        return;
    end if;
    select * into v_org from organisations where id = p_org_id;
    if v_org.id is null then
        return;
    end if;
    -- On the wanted start's 15-minute grid, from a day before it but not in the past, to a week after.
    v_first := date_bin('15 minutes', greatest(p_starts_at - interval '1 day', now()), p_starts_at)
               + interval '15 minutes';
    v_last := least(p_starts_at + interval '7 days', now() + interval '2 years');
    while p_starts_at - v_step >= v_first or p_starts_at + v_step <= v_last loop
        foreach v_start in array case when v_step = interval '0' then array[p_starts_at]
                                      else array[p_starts_at - v_step, p_starts_at + v_step] end loop
            continue when v_start < v_first or v_start > v_last;
            continue when not within_opening_hours(v_org, v_start, v_start + p_length);
            continue when provider_is_busy(p_org_id, p_provider_id, v_start, v_start + p_length);
            continue when p_patient_id is not null and exists (
                select 1 from appointments a
                where a.patient_id = p_patient_id and a.org_id = p_org_id
                  and a.status not in ('cancelled', 'no_show')
                  and a.starts_at > v_start - interval '8 hours' and a.starts_at < v_start + p_length
                  and a.ends_at > v_start);
            return next v_start;
            v_found := v_found + 1;
            if v_found >= v_wanted then
                return;
            end if;
        end loop;
        v_step := v_step + interval '15 minutes';
    end loop;
end;
$$;

-- ---- Booking, v8 -------------------------------------------------------------------------------------

-- As v7, but a request for a slot already taken is refused before it queues for the provider's
-- lock, and one that lost the race while queued is refused as soon as it holds the lock, before it
-- looks up or creates its patient, and gives the lock up at once: 200 requests for one slot no
-- longer queue behind each other's wasted work.
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
    v_refusal     jsonb;
    v_claimed     integer;
    v_step        text;
    v_constraint  text;
    v_provider_fresh boolean;
begin
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    -- Sizes first: normalising and hashing a megabyte of text would tie up the server.
    if p_idempotency_key is null or length(p_idempotency_key) > 200
       or p_idempotency_key ~ '^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$' then
        return booking_error('INVALID_IDEMPOTENCY_KEY', 'an idempotency key of 1 to 200 characters is required');
    end if;
    if p_source is null or p_source not in ('ai_voice', 'staff') then
        return booking_error('INVALID_SOURCE', 'source must be ai_voice or staff');
    end if;
    if length(p_patient_name) > 1000 then
        return booking_error('INVALID_NAME', 'the patient name is longer than 1000 characters');
    end if;
    if length(p_phone) > 100 then
        return booking_error('INVALID_PHONE', 'the phone number is longer than 100 characters');
    end if;
    if length(p_email) > 1000 then
        return booking_error('INVALID_EMAIL', 'the email address is longer than 1000 characters');
    end if;
    if length(p_service) > 1000 or length(p_notes) > 10000 then
        return booking_error('TEXT_TOO_LONG', 'service is limited to 200 characters, notes to 2000');
    end if;

    -- Normalise: the idempotency check compares normalised requests.
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

    -- A retry is answered from what was stored before any check whose outcome can change with
    -- time (the clock, opening hours, a provider made inactive): the booking exists.
    select * into v_prior from booking_requests
    where org_id = p_org_id and idempotency_key = p_idempotency_key and appointment_id is not null;
    if v_prior.org_id is not null then
        if v_prior.request_hash = v_hash then
            return v_prior.result;
        end if;
        return booking_error('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for a different request');
    end if;

    -- Validate, cheapest checks first; nothing is written until all pass.
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
    v_refusal := appointment_time_refusal(p_starts_at, p_ends_at);
    if v_refusal is not null then
        return v_refusal;
    end if;
    if not within_opening_hours(v_org, p_starts_at, p_ends_at) then
        return booking_error('OUTSIDE_HOURS', 'the clinic is closed at that time');
    end if;

    -- The writes, all or nothing: a refusal below rolls back the key's claim, a patient created
    -- here and the locks, so the alternatives are computed with no lock held.
    begin
        -- Claim the key. A concurrent request with the same key makes this wait for its end; if
        -- it committed, READ COMMITTED reads its answer below, and an older snapshot cannot (a
        -- serialization failure, caught below as IDEMPOTENCY_RETRY).
        v_step := 'claim';
        v_appt_id := nextval(pg_get_serial_sequence('frontdesk.appointments', 'id'));
        insert into booking_requests (org_id, idempotency_key, request_hash, result)
        values (p_org_id, p_idempotency_key, v_hash, '{}')
        on conflict (org_id, idempotency_key) do nothing;
        get diagnostics v_claimed = row_count;
        if v_claimed = 0 then
            select * into v_prior from booking_requests
            where org_id = p_org_id and idempotency_key = p_idempotency_key;
            if v_prior.appointment_id is null then
                return booking_error('IDEMPOTENCY_RETRY',
                    'a request with this idempotency key committed after this transaction began; call again in a new transaction');
            elsif v_prior.request_hash = v_hash then
                return v_prior.result;
            end if;
            return booking_error('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for a different request');
        end if;

        v_step := 'lock';
        -- The losers of a race for one slot learn it as early as they can, before any work they
        -- do not need: a slot seen taken is refused without queueing for the provider's lock
        -- (READ COMMITTED reads what has committed by now; an older snapshot may not say), and
        -- those that queued read the winner's appointment once they hold the lock (a fresh lock
        -- under REPEATABLE READ means no booking of the provider since the snapshot).
        v_provider_fresh := current_setting('transaction_isolation') = 'read committed';
        if v_provider_fresh and provider_is_busy(p_org_id, p_provider_id, p_starts_at, p_ends_at) then
            raise exception 'the provider is already booked at that time'
                using errcode = 'exclusion_violation', constraint = 'appointments_no_overlap';
        end if;
        v_provider_fresh := take_booking_lock(p_org_id, 'provider', p_provider_id::text);
        if v_provider_fresh and provider_is_busy(p_org_id, p_provider_id, p_starts_at, p_ends_at) then
            raise exception 'the provider is already booked at that time'
                using errcode = 'exclusion_violation', constraint = 'appointments_no_overlap';
        end if;
        if not take_booking_lock(p_org_id, 'patient', patient_lock_key(v_name)) then
            raise sqlstate '40001';   -- this snapshot may not see the patient: RETRY, below
        end if;

        -- A repeat caller is the same patient when name and phone, or name and email, agree.
        v_step := 'write';
        select id into v_patient_id from patients
        where org_id = p_org_id and name_key = patient_lock_key(v_name)
          and ((v_phone is not null and phone = v_phone) or (v_email is not null and email = v_email))
        order by id
        limit 1;
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
        update booking_requests set result = v_result, appointment_id = v_appt_id
        where org_id = p_org_id and idempotency_key = p_idempotency_key;

        insert into events (org_id, kind, appointment_id, patient_id, details)
        values (p_org_id, 'appointment.booked', v_appt_id, v_patient_id,
                jsonb_build_object('source', p_source, 'provider_id', p_provider_id))
        returning id into v_event_id;

        -- The doorbell: ids only, since any role may LISTEN on any channel.
        perform pg_notify('frontdesk_changes', jsonb_build_object(
            'org_id', p_org_id, 'event_id', v_event_id, 'appointment_id', v_appt_id)::text);
    exception
        when exclusion_violation then
            if not v_provider_fresh then
                return retry_error();   -- alternatives from this snapshot could already be taken
            end if;
            get stacked diagnostics v_constraint = constraint_name;
            if v_patient_id is null then
                -- Refused before the patient was looked up: the alternatives still avoid a
                -- returning patient's other appointments. Read with no lock held.
                select id into v_patient_id from patients
                where org_id = p_org_id and name_key = patient_lock_key(v_name)
                  and ((v_phone is not null and phone = v_phone) or (v_email is not null and email = v_email))
                order by id
                limit 1;
            end if;
            return overlap_refusal(v_constraint, p_org_id, p_provider_id, v_patient_id, p_starts_at, p_ends_at);
        when serialization_failure or deadlock_detected or lock_not_available then
            if v_step = 'claim' and sqlstate = '40001' then
                return booking_error('IDEMPOTENCY_RETRY',
                    'a request with this idempotency key committed after this transaction began; call again in a new transaction');
            end if;
            return retry_error();
    end;
    return v_result;
end;
$$;

-- ---- Search as you type, on the trigram indexes --------------------------------------------------------
-- v6 and v7 compared lower(full_name) inside a CASE over the policy-checked patients table, which no
-- index could serve, as one generic plan costly enough to be compiled by JIT on every call. Each
-- kind of search is now its own statement on patient_search's trigram indexes (trigrams ignore
-- case, so ILIKE and similarity need no lower()), for a clinic the caller works for; the patients
-- and their next and last appointments are then read through the policies. Same answers, same order.
create or replace function frontdesk.search_patients(p_org_id bigint, p_query text, p_limit integer default 20)
returns table (patient_id bigint, full_name text, phone text, email text, next_appointment timestamptz,
               last_appointment timestamptz)
language plpgsql stable security definer
set search_path = frontdesk, pg_temp
set jit = off
-- A generic plan cannot know how selective a pattern is, and reads the whole copy: plan each call.
set plan_cache_mode = force_custom_plan
as $$
declare
    v_text    text;
    v_digits  text;
    v_pattern text;
    v_limit   integer := least(greatest(coalesce(p_limit, 20), 1), 100);
    v_found   bigint[];   -- the patients found, best first
begin
    -- What was typed is at most 100 characters (longer finds nothing): a pasted page of text
    -- never runs a similarity over every patient.
    if p_query is null or length(p_query) > 100 or p_org_id is null then
        return;
    end if;
    v_text := btrim(p_query);
    if length(v_text) < 2 or not (is_admin() or p_org_id = any (my_org_ids())) then
        return;
    end if;
    v_digits := regexp_replace(p_query, '[^0-9]', '', 'g');
    if v_text !~ '[[:alpha:]]' and length(v_digits) >= 3 then
        select array_agg(ranked.patient_id order by ranked.full_name, ranked.patient_id) into v_found
        from (select s.patient_id, s.full_name from patient_search s
              where s.org_id = p_org_id and s.phone like '%' || v_digits || '%'
              order by s.full_name, s.patient_id
              limit v_limit) ranked;
    else
        -- What was typed, as an ILIKE pattern that matches it literally. Names containing it come
        -- first, most similar first, as in v7; names only similar to it (a typo) follow, and are
        -- looked for only when those do not fill the page, which keeps "Liam" from scoring every
        -- name that shares a trigram with it.
        v_pattern := '%' || regexp_replace(v_text, '([\\%_])', '\\\1', 'g') || '%';
        select coalesce(array_agg(ranked.patient_id order by ranked.score desc, ranked.full_name, ranked.patient_id), '{}')
        into v_found
        from (select s.patient_id, s.full_name, public.similarity(s.full_name, v_text) as score
              from patient_search s
              where s.org_id = p_org_id and s.full_name ilike v_pattern
              order by score desc, s.full_name, s.patient_id
              limit v_limit) ranked;
        if cardinality(v_found) < v_limit then
            select v_found || coalesce(array_agg(ranked.patient_id order by ranked.score desc, ranked.full_name,
                                                 ranked.patient_id), '{}')
            into v_found
            from (select s.patient_id, s.full_name, public.similarity(s.full_name, v_text) as score
                  from patient_search s
                  where s.org_id = p_org_id and s.full_name operator(public.%) v_text
                    and s.full_name not ilike v_pattern
                  order by score desc, s.full_name, s.patient_id
                  limit v_limit - cardinality(v_found)) ranked;
        end if;
    end if;
    -- The patients found, in that order, read through the policies of the patients table.
    return query
    select p.id, p.full_name, p.phone, p.email,
           (select min(a.starts_at) from appointments a
            where a.patient_id = p.id and a.starts_at >= now() and a.status not in ('cancelled', 'no_show')),
           (select max(a.starts_at) from appointments a where a.patient_id = p.id and a.starts_at < now())
    from unnest(v_found) with ordinality found(patient_id, rank)
    join patients p on p.id = found.patient_id
    order by found.rank;
end;
$$;

-- ---- The change feed brings the changed appointments ----------------------------------------------------
-- v7 answered with ids, and a desk then fetched each appointment: one round trip per change on top
-- of the feed's. The answer now also holds every changed appointment the caller may see, as the
-- desk shows it, so one call per doorbell is enough. "events" is unchanged.
create or replace function frontdesk.changes_since(p_org_id bigint, p_cursor text)
returns jsonb
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
declare
    v_previous pg_snapshot;
begin
    if p_cursor is not null then
        if length(p_cursor) > 10000 then
            return jsonb_build_object('ok', false, 'code', 'INVALID_CURSOR', 'message', 'not a cursor of this feed');
        end if;
        begin
            v_previous := p_cursor::pg_snapshot;
        exception when data_exception then
            return jsonb_build_object('ok', false, 'code', 'INVALID_CURSOR', 'message', 'not a cursor of this feed');
        end;
    end if;
    -- One statement, so the events, the appointments and the cursor come from one snapshot.
    return (
        with changed as (
            select e.id, e.kind, e.appointment_id, e.patient_id, e.occurred_at
            from events e
            where v_previous is not null
              and e.org_id = p_org_id
              and e.xact_id >= pg_snapshot_xmin(v_previous)
              and not pg_visible_in_snapshot(e.xact_id, v_previous)
        )
        select jsonb_build_object(
            'ok', true,
            'cursor', pg_current_snapshot()::text,
            'events', coalesce((select jsonb_agg(jsonb_build_object(
                          'id', c.id, 'kind', c.kind, 'appointment_id', c.appointment_id,
                          'patient_id', c.patient_id, 'occurred_at', c.occurred_at) order by c.id)
                      from changed c), '[]'),
            'appointments', coalesce((select jsonb_agg(jsonb_build_object(
                          'id', a.id, 'org_id', a.org_id, 'provider_id', a.provider_id,
                          'provider_name', pr.display_name, 'patient_id', a.patient_id,
                          'patient_name', pa.full_name, 'phone', pa.phone, 'email', pa.email,
                          'starts_at', a.starts_at, 'ends_at', a.ends_at, 'status', a.status,
                          'source', a.source, 'service', a.service, 'notes', a.notes,
                          'created_by', a.created_by, 'created_at', a.created_at) order by first.event_id)
                      from (select c.appointment_id, min(c.id) as event_id from changed c
                            where c.appointment_id is not null group by c.appointment_id) first
                      join appointments a on a.id = first.appointment_id and a.org_id = p_org_id
                      join providers pr on pr.id = a.provider_id
                      join patients pa on pa.id = a.patient_id), '[]'))
    );
end;
$$;

-- A patient's history is read at the desk while a caller waits: never compiled by JIT either.
alter function frontdesk.patient_history(bigint) set jit = off;
