-- Frontdesk schema v2: staff logins, the AI agent's grants, and tenancy enforced by the database.
--
-- Many clinics share one database and staff PCs connect to it directly, so PostgreSQL itself is
-- the security boundary. Every table has row-level security, forced for the owner too, with
-- policies keyed on the login role (session_user) through the staff table: never on a setting a
-- client can change. Clients read through the policies and write only through functions.
--
-- Run as the schema's owner: a role with CREATEROLE (to create staff logins) that owns the
-- frontdesk schema. Roles are cluster-wide; the group roles are created once and shared by every
-- Frontdesk database of the cluster.

do $$
declare
    v_role text;
begin
    foreach v_role in array array['frontdesk_receptionist', 'frontdesk_manager', 'frontdesk_agent'] loop
        if not exists (select 1 from pg_catalog.pg_roles where rolname = v_role) then
            execute format('create role %I nologin', v_role);
        end if;
    end loop;
    -- A manager can do all a receptionist can.
    if not pg_catalog.pg_has_role('frontdesk_manager', 'frontdesk_receptionist', 'MEMBER') then
        grant frontdesk_receptionist to frontdesk_manager;
    end if;
end;
$$;

-- Each staff member is a PostgreSQL login role of one clinic.
create table frontdesk.staff (
    login        name primary key,
    org_id       bigint not null references frontdesk.organisations (id),
    kind         text not null check (kind in ('receptionist', 'manager')),
    display_name text not null check (btrim(display_name) <> '' and length(display_name) <= 200),
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    unique (org_id, login)
);

-- The clinics an AI voice agent's login may book for.
create table frontdesk.agent_grants (
    login      name not null,
    org_id     bigint not null references frontdesk.organisations (id),
    granted_at timestamptz not null default now(),
    primary key (login, org_id)
);

-- Who is asking. SECURITY DEFINER so that the lookups read the identity tables whatever the
-- caller may read; both ask session_user, the login, which neither SET ROLE nor a SECURITY
-- DEFINER function changes.

-- The schema's owner (and superusers): migrations and frontdesk-admin.
create function frontdesk.is_admin() returns boolean
language sql stable security definer
set search_path = frontdesk, pg_temp
as $$
    select pg_catalog.pg_has_role(session_user,
        (select nspowner from pg_catalog.pg_namespace where nspname = 'frontdesk'), 'MEMBER')
$$;

-- The clinics this login works for: its own as active staff, or those granted to it as an agent.
create function frontdesk.my_org_ids() returns bigint[]
language sql stable security definer
set search_path = frontdesk, pg_temp
as $$
    select coalesce(array_agg(org_id), '{}')
    from (select org_id from staff where login = session_user and active
          union
          select org_id from agent_grants where login = session_user) mine
$$;

-- Row-level security. The identity calls are wrapped in sub-selects so each is evaluated once per
-- query, not per row. The identity tables show a login only its own rows: their policy must not
-- call my_org_ids(), which reads them.
do $$
declare
    v_table text;
begin
    foreach v_table in array array['providers', 'patients', 'appointments', 'booking_requests', 'events'] loop
        execute format('alter table frontdesk.%I enable row level security', v_table);
        execute format('alter table frontdesk.%I force row level security', v_table);
        execute format(
            'create policy tenant on frontdesk.%I '
            'using ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[])) '
            'with check ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]))',
            v_table);
    end loop;
end;
$$;

alter table frontdesk.organisations enable row level security;
alter table frontdesk.organisations force row level security;
create policy tenant on frontdesk.organisations
    using ((select frontdesk.is_admin()) or id = any ((select frontdesk.my_org_ids())::bigint[]))
    with check ((select frontdesk.is_admin()));

alter table frontdesk.staff enable row level security;
alter table frontdesk.staff force row level security;
create policy self on frontdesk.staff
    using ((select frontdesk.is_admin()) or login = session_user)
    with check ((select frontdesk.is_admin()));

alter table frontdesk.agent_grants enable row level security;
alter table frontdesk.agent_grants force row level security;
create policy self on frontdesk.agent_grants
    using ((select frontdesk.is_admin()) or login = session_user)
    with check ((select frontdesk.is_admin()));

-- Reference data every login may read; only the owner changes it.
do $$
declare
    v_table text;
begin
    foreach v_table in array array['phone_regions', 'schema_migrations'] loop
        execute format('alter table frontdesk.%I enable row level security', v_table);
        execute format('alter table frontdesk.%I force row level security', v_table);
        execute format('create policy readable on frontdesk.%I for select using (true)', v_table);
        execute format('create policy owner_writes on frontdesk.%I using ((select frontdesk.is_admin())) '
                       'with check ((select frontdesk.is_admin()))', v_table);
    end loop;
end;
$$;

-- The v1 booking function becomes the unchecked core, callable by no client; the one clients
-- call checks who is asking first and runs with the owner's rights, still held to the policies
-- above for the caller's login (FORCE), so it cannot write another clinic's rows even by mistake.
alter function frontdesk.book_appointment_atomic(bigint, bigint, timestamptz, timestamptz, text, text, text,
                                                  text, text, text, text)
    rename to book_appointment_unchecked;

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
language plpgsql security definer
set search_path = frontdesk, pg_temp
as $$
declare
    v_staff boolean;
    v_agent boolean;
begin
    if not is_admin() then
        -- Staff book as staff for their own clinic; an agent login books as the AI voice agent
        -- for the clinics granted to it.
        v_staff := exists (select 1 from staff where login = session_user and active and org_id = p_org_id);
        v_agent := exists (select 1 from agent_grants where login = session_user and org_id = p_org_id);
        if not ((v_staff and p_source = 'staff') or (v_agent and p_source = 'ai_voice')) then
            return booking_error('NOT_PERMITTED', 'this login may not book for that clinic as ' || coalesce(p_source, 'null'));
        end if;
    end if;
    return book_appointment_unchecked(p_org_id, p_provider_id, p_starts_at, p_ends_at, p_patient_name, p_phone,
                                      p_email, p_source, p_idempotency_key, p_service, p_notes);
end;
$$;

-- Administration, for the owner only (frontdesk-admin). Role names are quoted by format(%I), and
-- the password arrives as a SCRAM verifier made by the client, so no plain password reaches the
-- server or its logs.
-- The checks every staff and agent command makes first.
create function frontdesk.admin_check_login_and_org(p_login text, p_org_id bigint)
returns void
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
begin
    if p_login is null or p_login !~ '^[a-z_][a-z0-9_]{0,62}$' then
        raise exception 'INVALID_LOGIN: a login is 1 to 63 lower-case letters, digits or _, not starting with a digit'
            using errcode = 'invalid_parameter_value';
    end if;
    if not exists (select 1 from organisations where id = p_org_id) then
        raise exception 'UNKNOWN_ORG: no clinic with id %', p_org_id using errcode = 'foreign_key_violation';
    end if;
end;
$$;

create function frontdesk.admin_create_staff(
    p_login text, p_org_id bigint, p_kind text, p_display_name text, p_password_verifier text)
returns void
language plpgsql
set search_path = frontdesk, pg_temp
as $$
begin
    if not is_admin() then
        raise exception 'only the Frontdesk owner may create staff logins' using errcode = 'insufficient_privilege';
    end if;
    perform admin_check_login_and_org(p_login, p_org_id);
    if p_kind is null or p_kind not in ('receptionist', 'manager') then
        raise exception 'INVALID_KIND: staff are receptionist or manager' using errcode = 'invalid_parameter_value';
    end if;
    if p_password_verifier is null or p_password_verifier !~ '^SCRAM-SHA-256\$' then
        raise exception 'INVALID_PASSWORD: a SCRAM-SHA-256 verifier is required' using errcode = 'invalid_parameter_value';
    end if;
    if exists (select 1 from pg_catalog.pg_roles where rolname = p_login) then
        raise exception 'LOGIN_EXISTS: the login % exists already', p_login using errcode = 'duplicate_object';
    end if;
    execute format('create role %I login password %L in role %I', p_login, p_password_verifier, 'frontdesk_' || p_kind);
    insert into staff (login, org_id, kind, display_name) values (p_login, p_org_id, p_kind, btrim(p_display_name));
    insert into events (org_id, kind, details)
    values (p_org_id, 'staff.created', jsonb_build_object('login', p_login, 'kind', p_kind));
end;
$$;

-- Disabling takes effect at once, in open sessions too: my_org_ids() reads `active` on every query.
create function frontdesk.admin_disable_staff(p_login text)
returns void
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_org_id bigint;
begin
    if not is_admin() then
        raise exception 'only the Frontdesk owner may disable staff logins' using errcode = 'insufficient_privilege';
    end if;
    update staff set active = false where login = p_login returning org_id into v_org_id;
    if v_org_id is null then
        raise exception 'UNKNOWN_STAFF: no staff login %', p_login using errcode = 'no_data_found';
    end if;
    execute format('alter role %I nologin', p_login);
    insert into events (org_id, kind, details)
    values (v_org_id, 'staff.disabled', jsonb_build_object('login', p_login));
end;
$$;

-- Lets an AI agent login book for a clinic, creating the login when a verifier is given.
create function frontdesk.admin_grant_agent(p_login text, p_org_id bigint, p_password_verifier text)
returns void
language plpgsql
set search_path = frontdesk, pg_temp
as $$
begin
    if not is_admin() then
        raise exception 'only the Frontdesk owner may grant agents' using errcode = 'insufficient_privilege';
    end if;
    perform admin_check_login_and_org(p_login, p_org_id);
    if exists (select 1 from staff where login = p_login) then
        raise exception 'LOGIN_IS_STAFF: % is a staff login, not an agent', p_login using errcode = 'invalid_parameter_value';
    end if;
    if not exists (select 1 from pg_catalog.pg_roles where rolname = p_login) then
        if p_password_verifier is null or p_password_verifier !~ '^SCRAM-SHA-256\$' then
            raise exception 'INVALID_PASSWORD: a new agent login needs a SCRAM-SHA-256 verifier'
                using errcode = 'invalid_parameter_value';
        end if;
        execute format('create role %I login password %L in role frontdesk_agent', p_login, p_password_verifier);
    -- Direct membership, not pg_has_role(): a superuser "has" every role.
    elsif not exists (select 1 from pg_catalog.pg_auth_members m
                      join pg_catalog.pg_roles grp on grp.oid = m.roleid
                      join pg_catalog.pg_roles usr on usr.oid = m.member
                      where grp.rolname = 'frontdesk_agent' and usr.rolname = p_login) then
        raise exception 'NOT_AN_AGENT: the login % exists and is not an agent', p_login using errcode = 'invalid_parameter_value';
    end if;
    insert into agent_grants (login, org_id) values (p_login, p_org_id) on conflict do nothing;
    insert into events (org_id, kind, details)
    values (p_org_id, 'agent.granted', jsonb_build_object('login', p_login));
end;
$$;

-- Privileges: nothing for PUBLIC; reads through the policies; writes only through functions.
revoke all on schema frontdesk from public;
grant usage on schema frontdesk to frontdesk_receptionist, frontdesk_agent;
revoke all on all tables in schema frontdesk from public;
grant select on frontdesk.organisations, frontdesk.providers, frontdesk.patients, frontdesk.appointments,
                frontdesk.events, frontdesk.phone_regions, frontdesk.schema_migrations, frontdesk.staff,
                frontdesk.agent_grants
    to frontdesk_receptionist, frontdesk_agent;
revoke all on all functions in schema frontdesk from public;
alter default privileges in schema frontdesk revoke execute on functions from public;
grant execute on function frontdesk.is_admin(), frontdesk.my_org_ids() to frontdesk_receptionist, frontdesk_agent;
grant execute on function frontdesk.book_appointment_atomic(bigint, bigint, timestamptz, timestamptz, text, text,
                                                            text, text, text, text, text)
    to frontdesk_receptionist, frontdesk_agent;
