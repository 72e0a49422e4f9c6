-- Frontdesk schema v1: clinics, providers, patients, appointments, the event log
-- and the one way to book: book_appointment_atomic.
--
-- Applied by `frontdesk-admin migrate` inside one transaction. Error codes returned by the
-- functions are a stable API shared with the AI voice backend: never rename one.

create extension if not exists btree_gist;
create extension if not exists pg_trgm;

create schema if not exists frontdesk;

-- A clinic's time zone must be an IANA name ("Europe/London") that the server's tz database
-- knows. AT TIME ZONE also takes abbreviations and POSIX strings ("PST", "UTC+5", whose sign
-- is inverted), which the desk's Qt would read differently or not at all.
create function frontdesk.is_valid_time_zone(p_zone text) returns boolean
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select exists (select 1 from pg_catalog.pg_timezone_names where name = p_zone)
$$;

-- Dialling rules for the regions Frontdesk normalises phone numbers in. The client checks
-- numbers with libphonenumber as they are typed; these rules are the server's last word,
-- so that the AI backend and the desk store the same E.164 text.
create table frontdesk.phone_regions (
    region          text primary key check (region ~ '^[A-Z]{2}$'),
    country_code    text not null check (country_code ~ '^[1-9][0-9]{0,2}$'),
    trunk_prefix    text,
    idd_prefixes    text[] not null,
    national_number text not null   -- regex a national significant number must match
);

insert into frontdesk.phone_regions values
    ('US', '1',   '1', '{011}',  '^[2-9][0-9]{2}[2-9][0-9]{6}$'),
    ('CA', '1',   '1', '{011}',  '^[2-9][0-9]{2}[2-9][0-9]{6}$'),
    ('GB', '44',  '0', '{00}',   '^(7[1-9][0-9]{8}|[12][0-9]{8,9}|3[0-9]{9}|8[0-9]{9})$'),
    ('IE', '353', '0', '{00}',   '^(8[3-9][0-9]{7}|[1-9][0-9]{6,8})$'),
    ('AU', '61',  '0', '{0011}', '^[234578][0-9]{8}$'),
    ('NZ', '64',  '0', '{00}',   '^(2[0-9]{7,9}|[3-9][0-9]{7})$'),
    ('DE', '49',  '0', '{00}',   '^(1[5-7][0-9]{8,9}|[2-9][0-9]{5,10})$'),
    ('FR', '33',  '0', '{00}',   '^[1-9][0-9]{8}$');

create table frontdesk.organisations (
    id          bigint generated always as identity primary key,
    name        text not null check (btrim(name) <> '' and length(name) <= 200),
    time_zone   text not null check (frontdesk.is_valid_time_zone(time_zone)),
    region      text not null default 'US' references frontdesk.phone_regions (region),
    opens_at    time not null default '08:00',
    closes_at   time not null default '18:00',
    open_days   smallint[] not null default '{1,2,3,4,5}',  -- ISO day of week, 1 = Monday
    created_at  timestamptz not null default now(),
    check (opens_at < closes_at),
    check (open_days <@ '{1,2,3,4,5,6,7}')
);

create table frontdesk.providers (
    id           bigint generated always as identity primary key,
    org_id       bigint not null references frontdesk.organisations (id),
    display_name text not null check (btrim(display_name) <> '' and length(display_name) <= 200),
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    unique (org_id, id)
);

create table frontdesk.patients (
    id         bigint generated always as identity primary key,
    org_id     bigint not null references frontdesk.organisations (id),
    full_name  text not null,
    phone      text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email      text check (email = lower(email)),
    created_at timestamptz not null default now(),
    unique (org_id, id)
);
create index patients_org_phone on frontdesk.patients (org_id, phone);
create index patients_org_email on frontdesk.patients (org_id, email);
create index patients_name_trgm on frontdesk.patients using gin (full_name public.gin_trgm_ops);

create table frontdesk.appointments (
    id          bigint generated always as identity primary key,
    org_id      bigint not null,
    provider_id bigint not null,
    patient_id  bigint not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    status      text not null default 'booked'
                check (status in ('booked', 'confirmed', 'arrived', 'completed', 'cancelled', 'no_show')),
    source      text not null check (source in ('ai_voice', 'staff')),
    service     text,
    notes       text,
    created_by  text not null default session_user,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    foreign key (org_id, provider_id) references frontdesk.providers (org_id, id),
    foreign key (org_id, patient_id) references frontdesk.patients (org_id, id),
    check (ends_at > starts_at),
    -- The guarantee against double booking, whatever the start times and isolation levels:
    -- an advisory lock alone does not stop 09:00-09:30 against 09:15-09:45.
    constraint appointments_no_overlap exclude using gist (
        org_id with =,
        provider_id with =,
        tstzrange(starts_at, ends_at, '[)') with &&
    ) where (status not in ('cancelled', 'no_show'))
);
create index appointments_org_day on frontdesk.appointments (org_id, starts_at);

-- Idempotency: a retried request with the same key gets the stored answer, not a second booking.
create table frontdesk.booking_requests (
    org_id          bigint not null references frontdesk.organisations (id),
    idempotency_key text not null,
    request_hash    text not null,
    result          jsonb not null,
    appointment_id  bigint not null references frontdesk.appointments (id),
    created_at      timestamptz not null default now(),
    primary key (org_id, idempotency_key)
);

-- Append-only log of every change: who, what, when. xact_id lets a change feed tell which
-- changes are certainly committed before it advances its cursor.
create table frontdesk.events (
    id             bigint generated always as identity primary key,
    org_id         bigint not null references frontdesk.organisations (id),
    occurred_at    timestamptz not null default clock_timestamp(),
    actor          text not null default session_user,
    kind           text not null,
    appointment_id bigint references frontdesk.appointments (id),
    patient_id     bigint references frontdesk.patients (id),
    details        jsonb not null default '{}',
    xact_id        xid8 not null default pg_current_xact_id()
);
create index events_org_id on frontdesk.events (org_id, id);

create function frontdesk.refuse_event_change() returns trigger
language plpgsql
as $$
begin
    raise exception 'the event log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger events_append_only
    before update or delete on frontdesk.events
    for each row execute function frontdesk.refuse_event_change();
create trigger events_no_truncate
    before truncate on frontdesk.events
    for each statement execute function frontdesk.refuse_event_change();

-- Normalisation, shared by every caller. The C++ client has twins of these for checking as
-- you type; tests hold both to the same table of inputs. Character classes are spelled out
-- rather than left to [[:space:]] and [[:alpha:]], whose meaning depends on the database's
-- locale: white space is what Qt's QChar::isSpace() calls space. Case mapping uses the ICU
-- root collation ("und-x-icu"), so "élodie" becomes "Élodie" in a database whose own locale
-- is C as well; Frontdesk needs a PostgreSQL built with ICU (Debian's is).

-- initcap() per character, the same on every server: a letter or digit after anything else
-- starts a word ("o'brien-smith" -> "O'Brien-Smith"). The database's own initcap() depends on
-- its locale, and ICU's follows word-break rules ("O'brien").
create function frontdesk.title_case_word(p_word text) returns text
language plpgsql immutable
set search_path = frontdesk, pg_temp
as $$
declare
    v_out   text := '';
    v_start boolean := true;
    v_char  text;
begin
    foreach v_char in array regexp_split_to_array(p_word, '') loop
        if v_start then
            v_out := v_out || upper(v_char collate "und-x-icu");
        else
            v_out := v_out || lower(v_char collate "und-x-icu");
        end if;
        -- Cased letters and digits continue a word; the twin asks QChar::isLetterOrNumber.
        v_start := not (v_char ~ '[0-9]' or lower(v_char collate "und-x-icu") <> upper(v_char collate "und-x-icu"));
    end loop;
    return v_out;
end;
$$;

-- Title Case for words typed all lower or all upper case ("mary o'brien" -> "Mary O'Brien");
-- a word typed in mixed case ("McDonald", "DeSouza") is kept as the person typed it.
create function frontdesk.normalize_name(p_name text) returns text
language plpgsql immutable
set search_path = frontdesk, pg_temp
as $$
declare
    v_words text[];
    v_word  text;
    v_out   text[] := '{}';
begin
    if p_name is null then
        return null;
    end if;
    v_words := regexp_split_to_array(
        btrim(regexp_replace(p_name, '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g')),
        ' ');
    foreach v_word in array v_words loop
        if v_word = lower(v_word collate "und-x-icu") or v_word = upper(v_word collate "und-x-icu") then
            v_word := title_case_word(v_word);
        end if;
        v_out := v_out || v_word;
    end loop;
    return array_to_string(v_out, ' ');
end;
$$;

create function frontdesk.is_valid_name(p_name text) returns boolean
language sql immutable
set search_path = frontdesk, pg_temp
as $$
    -- Forbidden: ASCII digits and symbols, control characters, other scripts' common digits,
    -- pictographs and technical symbols (emoji among them). At least two characters that are
    -- not spaces, dots, apostrophes or hyphens.
    select p_name is not null
       and length(p_name) <= 100
       and p_name !~ ('[0-9\u0000-\u001f\u007f-\u009f@#$%^&*()_+=\[\]{}|\\/<>:;"!?~`\u00a9\u00ae'
                      '\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\u200d\u2122'
                      '\u2190-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\uff10-\uff19\U0001f000-\U0001faff]')
       and length(regexp_replace(p_name,
               '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000.''\u2019-]', '', 'g')) >= 2
$$;

create function frontdesk.normalize_email(p_email text) returns text
language sql immutable
set search_path = frontdesk, pg_temp
as $$
    select nullif(lower(regexp_replace(p_email collate "und-x-icu",
        '^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|'
        '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$', '', 'g')), '')
$$;

create function frontdesk.is_valid_email(p_email text) returns boolean
language sql immutable
set search_path = frontdesk, pg_temp
as $$
    select p_email is not null
       and length(p_email) <= 254
       and p_email ~ '^[a-z0-9.!#$%&''*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$'
       and p_email !~ '\.\.'
       and p_email !~ '^\.'       -- nor may the local part start or end with a dot
       and p_email !~ '\.@'
$$;

-- A phone number as typed in the clinic's region -> E.164, or null when it is not a valid number.
create function frontdesk.normalize_phone(p_raw text, p_region text) returns text
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
declare
    v_home    phone_regions;
    v_rule    phone_regions;
    v_digits  text;
    v_rest    text;
    v_idd     text;
begin
    if p_raw is null or btrim(p_raw) = '' then
        return null;
    end if;
    -- Tabs and no-break spaces are spaces, as for the client's libphonenumber check.
    p_raw := btrim(regexp_replace(p_raw, '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g'));
    if p_raw ~ '[^0-9+()./ -]' or p_raw ~ '.\+' then
        return null;   -- letters, extensions, a plus sign anywhere but first
    end if;
    v_digits := regexp_replace(p_raw, '[^0-9+]', '', 'g');
    select * into v_home from phone_regions where region = p_region;

    if v_digits like '+%' then
        v_rest := substr(v_digits, 2);
    elsif v_home.region is not null then
        foreach v_idd in array v_home.idd_prefixes loop
            if v_digits like v_idd || '%' then
                v_rest := substr(v_digits, length(v_idd) + 1);
            end if;
        end loop;
    end if;

    if v_rest is not null then
        -- International form: find the country by its calling code, shortest first is
        -- unambiguous because calling codes are a prefix code.
        for v_rule in
            select * from phone_regions
            where v_rest like country_code || '%'
            order by length(country_code), region = coalesce(p_region, '') desc
        loop
            v_digits := substr(v_rest, length(v_rule.country_code) + 1);
            -- "+44 (0)20 ..." carries the trunk prefix; drop it when the rest is then valid.
            if v_rule.trunk_prefix is not null and v_digits like v_rule.trunk_prefix || '%'
               and substr(v_digits, length(v_rule.trunk_prefix) + 1) ~ v_rule.national_number
               and v_digits !~ v_rule.national_number then
                v_digits := substr(v_digits, length(v_rule.trunk_prefix) + 1);
            end if;
            if v_digits ~ v_rule.national_number then
                return '+' || v_rule.country_code || v_digits;
            end if;
        end loop;
        if exists (select 1 from phone_regions where v_rest like country_code || '%') then
            return null;   -- a country we know the rules of, and the number breaks them
        end if;
        if v_rest ~ '^[1-9][0-9]{6,14}$' then
            return '+' || v_rest;   -- a country without local rules: E.164 shape is all we check
        end if;
        return null;
    end if;

    if v_home.region is null then
        return null;
    end if;
    if v_digits ~ v_home.national_number then
        return '+' || v_home.country_code || v_digits;
    end if;
    if v_home.trunk_prefix is not null and v_digits like v_home.trunk_prefix || '%' then
        v_digits := substr(v_digits, length(v_home.trunk_prefix) + 1);
        if v_digits ~ v_home.national_number then
            return '+' || v_home.country_code || v_digits;
        end if;
    end if;
    return null;
end;
$$;

-- Whether a clinic is open for the whole of [starts, ends), in its own time zone. Times are
-- wall-clock offsets from the local midnight that begins the start's day, so a clinic open
-- until 24:00 takes a slot that ends at midnight, and no slot runs into the next day.
create function frontdesk.within_opening_hours(
    p_org frontdesk.organisations, p_starts_at timestamptz, p_ends_at timestamptz)
returns boolean
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select extract(isodow from l.s)::smallint = any (p_org.open_days)
       and l.s - date_trunc('day', l.s) >= p_org.opens_at - time '00:00'
       and l.e - date_trunc('day', l.s) <= p_org.closes_at - time '00:00'
    from (select p_starts_at at time zone p_org.time_zone as s,
                 p_ends_at at time zone p_org.time_zone as e) l
$$;

-- Free starts of the same length as a wanted slot, nearest first, within opening hours,
-- on a 15-minute grid: what a caller is offered instead of a dead end.
create function frontdesk.nearest_free_slots(
    p_org_id bigint, p_provider_id bigint, p_starts_at timestamptz, p_length interval,
    p_count integer default 3)
returns setof timestamptz
language sql stable
set search_path = frontdesk, pg_temp
as $$
    with candidates as (
        select s as starts_at
        from organisations org,
             generate_series(
                 -- on the wanted start's 15-minute grid, from a day before it but not in the past
                 date_bin('15 minutes', greatest(p_starts_at - interval '1 day', now()), p_starts_at)
                     + interval '15 minutes',
                 p_starts_at + interval '7 days',
                 interval '15 minutes') as s
        where org.id = p_org_id
          and within_opening_hours(org, s, s + p_length)
    )
    select c.starts_at
    from candidates c
    where not exists (
        select 1 from appointments a
        where a.org_id = p_org_id and a.provider_id = p_provider_id
          and a.status not in ('cancelled', 'no_show')
          and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(c.starts_at, c.starts_at + p_length, '[)'))
    order by abs(extract(epoch from c.starts_at - p_starts_at)), c.starts_at
    limit p_count
$$;

-- What makes two booking requests "the same request" for idempotency: normalised values and
-- epoch seconds, never timestamptz text, whose form depends on the session's TimeZone.
create function frontdesk.booking_request_hash(
    p_org_id bigint, p_provider_id bigint, p_starts_at timestamptz, p_ends_at timestamptz,
    p_name text, p_phone text, p_email text, p_source text, p_service text, p_notes text)
returns text
language sql immutable
as $$
    select md5(jsonb_build_array(
        p_org_id, p_provider_id, extract(epoch from p_starts_at), extract(epoch from p_ends_at),
        p_name, p_phone, p_email, p_source, p_service, p_notes)::text)
$$;

create function frontdesk.booking_error(p_code text, p_message text, p_extra jsonb default '{}')
returns jsonb
language sql immutable
as $$
    select jsonb_build_object('ok', false, 'code', p_code, 'message', p_message) || p_extra
$$;

-- The one way to create a booking, for the AI voice agent and the front desk alike. Call it
-- once per READ COMMITTED transaction (autocommit is right): its locks last until commit.
-- Returns {"ok": true, "appointment_id", "patient_id", "starts_at", "ends_at", ...} or
-- {"ok": false, "code": <stable code>, "message": <for logs>, ...}. It never raises for bad
-- input, and a failed request stores nothing.
create function frontdesk.book_appointment_atomic(
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
    -- The idempotency lookup must see requests that committed while this call waited for the
    -- key's lock; an older snapshot (REPEATABLE READ, SERIALIZABLE) cannot.
    if current_setting('transaction_isolation') <> 'read committed' then
        return booking_error('UNSUPPORTED_ISOLATION', 'call book_appointment_atomic in a READ COMMITTED transaction');
    end if;
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

        insert into appointments (org_id, provider_id, patient_id, starts_at, ends_at, source, service, notes)
        values (p_org_id, p_provider_id, v_patient_id, p_starts_at, p_ends_at, p_source, v_service, v_notes)
        returning id into v_appt_id;
    exception
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

    insert into booking_requests (org_id, idempotency_key, request_hash, result, appointment_id)
    values (p_org_id, p_idempotency_key, v_hash, v_result, v_appt_id);

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
