-- A clinic group's history at the scale of a few busy years, generated in SQL for the benchmark.
--
-- bench.seed_clinic(name, providers, patients, appointments, days_back, days_ahead) creates one
-- clinic (open 07:00 to 21:00 every day, UTC, US numbers) with its providers, patients and
-- appointments on a 30-minute grid from days_back ago to days_ahead from now, and what the
-- booking function and the triggers would have left with them: one booking request per
-- appointment, the booked event and the life-cycle events, the SMS and calendar follow-ups, AI
-- call notes and the lock rows. Run as a superuser with session_replication_role = replica, so
-- that the triggers of the live tables stay out of the way (the exclusion constraints still hold:
-- a patient's appointments never overlap, nor a provider's); what the triggers would have written,
-- this writes itself.
create schema if not exists bench;

create or replace function bench.seed_clinic(
    p_name text, p_providers integer, p_patients integer, p_appointments integer,
    p_days_back integer, p_days_ahead integer)
returns bigint
language plpgsql
as $$
declare
    v_org            bigint;
    v_first_provider bigint;
    v_first_patient  bigint;
    v_slots_per_day  constant integer := 28;   -- 07:00 to 21:00, 30 minutes each
    v_grid           bigint;
    v_permille       integer;
    v_first_day      date := current_date - p_days_back;
begin
    insert into frontdesk.organisations (name, time_zone, region, opens_at, closes_at, open_days)
    values (p_name, 'UTC', 'US', '07:00', '21:00', '{1,2,3,4,5,6,7}')
    returning id into v_org;

    insert into frontdesk.providers (org_id, display_name)
    select v_org, format('Dr. %s %s', (array['Amelia','Noah','Priya','Oliver','Sofia','Lucas','Hannah','Mateo',
                                             'Grace','Elijah','Aisha','James','Chloe','Henry','Mila','Samuel',
                                             'Zoe','Daniel','Ivy','Leo'])[1 + (i - 1) % 20],
                         (array['Chen','Okafor','Patel','Novak','Garcia','Keller','Murphy','Rossi','Tanaka',
                                'Haddad'])[1 + (i - 1) % 10])
    from generate_series(1, p_providers) i
    order by i;
    select min(id) into v_first_provider from frontdesk.providers where org_id = v_org;

    -- Names of letters only (names have no digits): a first name, a surname, and from the 5,000th
    -- patient on a second surname, so that every name is different.
    insert into frontdesk.patients (org_id, full_name, phone, email, created_at)
    select v_org,
           f.first || ' ' || l1.last || case when i >= 5000 then '-' || l2.last else '' end,
           '+1212' || lpad((5000000 + i)::text, 7, '0'),
           case when i % 3 = 0 then format('patient%s@example.org', i) end,
           now() - make_interval(days => p_days_back + 30)
    from generate_series(0, p_patients - 1) i
    cross join lateral (select (array['Liam','Olivia','Noah','Emma','Ava','Elijah','Sophia','Mason','Isabella',
        'Lucas','Mia','Ethan','Amelia','Harper','Aiden','Evelyn','Logan','Abigail','Jackson','Emily','Grace',
        'Levi','Chloe','Mateo','Nora','Owen','Lily','Wyatt','Hazel','Ezra','Aurora','Leo','Violet','Jack',
        'Stella','Luca','Zoey','Henry','Penelope','Julian','Layla','Theo','Riley','Hudson','Nova','Miles',
        'Ellie','Asher','Ivy','Sebastian'])[1 + i % 50] as first) f
    cross join lateral (select (array['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis',
        'Rodriguez','Martinez','Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore',
        'Jackson','Martin','Lee','Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez','Lewis',
        'Robinson','Walker','Young','Allen','King','Wright','Scott','Torres','Nguyen','Hill','Flores','Green',
        'Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Roberts','Gomez','Phillips',
        'Evans','Turner','Diaz','Parker','Cruz','Edwards','Collins','Reyes','Stewart','Morris','Morales',
        'Murphy','Cook','Rogers','Gutierrez','Ortiz','Morgan','Cooper','Peterson','Bailey','Reed','Kelly',
        'Howard','Ramos','Kim','Cox','Ward','Richardson','Watson','Brooks','Chavez','Wood','James','Bennett',
        'Gray','Mendoza','Ruiz','Hughes','Price','Alvarez','Castillo','Sanders','Patel','Myers','Long','Ross',
        'Foster','Jimenez'])[1 + (i / 50) % 100] as last) l1
    cross join lateral (select (array['Abbott','Barnes','Chapman','Dalton','Ellison','Fletcher','Garland',
        'Hale','Ingram','Jennings','Kerr','Lambert','Mercer','Norris','Osborne','Prescott','Quinn','Rhodes',
        'Sutton','Thornton','Underwood','Vance','Whitaker','Yates','Ashford','Bramley','Crane','Doyle',
        'Emery','Fairfax','Gilmore','Hadley','Irwin','Jarvis','Kendall','Lowell','Marsh','Nash','Oakley',
        'Pierce','Radcliffe','Sharpe','Tate','Upton','Vaughn','Wilder','Ainsley','Blake','Carlisle','Drake',
        'Easton','Finch','Grady','Holt','Ives','Joyce','Knox','Langley','Monroe','Neville','Orton','Pryce',
        'Rowe','Shaw','Tobin','Vale','Wren','Archer','Bishop','Cole','Dane','Eld','Frost','Gale','Hart',
        'Kemp','Lark','Moss','North','Pike','Reeve','Sloan','Thorne','West','Young','Ames','Birch','Croft',
        'Dunn','Eve','Ford','Glen','Hurst','Jude','Kirk','Lane','Mayne','Noble','Page','Royce'])[1 + (i / 5000) % 100] as last) l2
    order by i;
    select min(id) into v_first_patient from frontdesk.patients where org_id = v_org;
    -- What the patients' trigger would have copied for search (triggers are off while seeding).
    insert into frontdesk.patient_search (patient_id, org_id, full_name, phone)
    select id, org_id, full_name, phone from frontdesk.patients where org_id = v_org;

    -- The grid: every (day, slot, provider). A slot is taken when its hash falls under the share of
    -- the grid the wanted number of appointments fills. Patients are assigned by a bijection of
    -- the grid position modulo the patient count, so the providers of one slot (consecutive grid
    -- positions) see different patients: nobody is in two rooms at once.
    v_grid := greatest(1, (p_days_back + p_days_ahead)::bigint * v_slots_per_day * p_providers);
    v_permille := least(1000, ceil(1000.0 * p_appointments / v_grid)::integer);
    insert into frontdesk.appointments (org_id, provider_id, patient_id, starts_at, ends_at, status, source,
                                        service, created_by, created_at, updated_at)
    select v_org, v_first_provider + g.p, v_first_patient + (g.pos * 7919) % p_patients,
           g.starts_at, g.starts_at + interval '30 minutes',
           case when g.starts_at >= now() then (case when g.h % 3 = 0 then 'confirmed' else 'booked' end)
                when g.h % 25 < 2 then 'cancelled'
                when g.h % 25 = 2 then 'no_show'
                else 'completed' end,
           case when g.h % 5 < 3 then 'ai_voice' else 'staff' end,
           (array['Check-up','Vaccination','Follow-up visit','Blood test','Consultation'])[1 + g.h % 5],
           case when g.h % 5 < 3 then 'voice_agent' else 'reception' end,
           g.starts_at - (1 + g.h % 20) * interval '1 day',
           g.starts_at - (g.h % 2) * interval '1 day'
    from (select pos, p, starts_at, (pos * 2654435761) % 1000003 as h
          from (select (d * v_slots_per_day + s)::bigint * p_providers + p as pos, p,
                       ((v_first_day + d) + time '07:00' + s * interval '30 minutes') at time zone 'UTC' as starts_at
                from generate_series(0, p_days_back + p_days_ahead - 1) d,
                     generate_series(0, v_slots_per_day - 1) s,
                     generate_series(0, p_providers - 1) p) grid) g
    where g.h % 1000 < v_permille and p_patients > 0
    order by g.starts_at, g.p
    limit p_appointments;

    insert into frontdesk.booking_requests (org_id, idempotency_key, request_hash, result, appointment_id, created_at)
    select org_id, 'seed-' || id, md5(id::text), jsonb_build_object('ok', true, 'appointment_id', id), id, created_at
    from frontdesk.appointments where org_id = v_org;

    -- The event log: every booking, then what happened to it.
    insert into frontdesk.events (org_id, occurred_at, actor, kind, appointment_id, patient_id, details)
    select org_id, created_at, created_by, 'appointment.booked', id, patient_id,
           jsonb_build_object('source', source, 'provider_id', provider_id)
    from frontdesk.appointments where org_id = v_org
    order by created_at, id;
    insert into frontdesk.events (org_id, occurred_at, actor, kind, appointment_id, patient_id, details)
    select org_id, updated_at, 'reception',
           case status when 'completed' then 'appointment.complete' when 'cancelled' then 'appointment.cancel'
                       when 'no_show' then 'appointment.no_show' else 'appointment.confirm' end,
           id, patient_id, '{}'
    from frontdesk.appointments
    where org_id = v_org and status <> 'booked'
    order by updated_at, id;

    -- The follow-ups the trigger queued: an SMS and a calendar entry per booking, and the same
    -- again for each cancellation; done for the past, pending from now on.
    insert into frontdesk.follow_ups (org_id, appointment_id, kind, purpose, status, recipient, message,
                                      calendar_event, outcome, completed_by, completed_at, created_at)
    select a.org_id, a.id, k.kind, k.purpose,
           case when a.starts_at < now() then 'done' else 'pending' end,
           case when k.kind = 'sms' then pa.phone end,
           case when k.kind = 'sms' then format('Bench Clinic: your appointment is %s for %s.', k.purpose,
                                                to_char(a.starts_at, 'Dy FMDD Mon "at" HH24:MI')) end,
           case when k.kind = 'calendar' then jsonb_build_object('uid', format('appointment-%s-org-%s@frontdesk', a.id, a.org_id),
                                                                  'sequence', k.sequence, 'starts_at', a.starts_at) end,
           case when a.starts_at < now() then 'sent' end,
           case when a.starts_at < now() then 'reception' end,
           case when a.starts_at < now() then a.created_at + interval '5 minutes' end,
           a.created_at
    from frontdesk.appointments a
    join frontdesk.patients pa on pa.id = a.patient_id
    cross join lateral (values ('sms', 'booked', 0), ('calendar', 'booked', 0),
                               ('sms', 'cancelled', 1), ('calendar', 'cancelled', 1)) k(kind, purpose, sequence)
    where a.org_id = v_org and (k.purpose = 'booked' or a.status = 'cancelled');

    -- What the AI agent noted on a quarter of its calls.
    insert into frontdesk.interactions (org_id, patient_id, appointment_id, kind, body, created_by, occurred_at)
    select org_id, patient_id, id, 'ai_call', 'Caller asked for ' || coalesce(service, 'an appointment') || '.',
           'voice_agent', created_at
    from frontdesk.appointments
    where org_id = v_org and source = 'ai_voice' and id % 4 = 0;

    insert into frontdesk.booking_locks (org_id, scope, lock_key)
    select v_org, 'provider', id::text from frontdesk.providers where org_id = v_org
    union all
    select v_org, 'patient', frontdesk.patient_lock_key(full_name) from frontdesk.patients where org_id = v_org
    on conflict do nothing;
    return v_org;
end;
$$;
