-- Frontdesk schema v13: two typed letters are answered from ordered indexes.
--
-- v11 searched the starts of every word with the trigram index; for two common letters ("ma",
-- "jo") that still fetched and sorted thousands of names (90 ms at a clinic group's size, the
-- bench found), when the desk must show results within 50 ms of a key. Two letters now find the
-- first names and the last names (the part after the last space, hyphen or apostrophe) starting
-- with them, each read in order from a btree and stopped at the page's length: "li" finds Liam
-- Brown and Ana Lima, in that order (by the word matched, then by name). A middle name is found
-- from the third letter on, by the trigram search as before.
-- Each key is the clinic and the name in lower case ("7 ana lima", "7 lima"), so that one clinic's
-- names starting with two letters are one range of the index, read in order ("C", byte order).
-- (With the clinic as a column of its own, a search by the clinic alone was drawn to these indexes
-- and read the clinic's every name through them.)
alter table frontdesk.patient_search
    add column first_key text generated always as (org_id::text || ' ' || lower(full_name)) stored,
    add column last_key text generated always as
        (org_id::text || ' ' || lower(regexp_replace(full_name, '^.*[ ''’-]', ''))) stored;
create index patient_search_first_key on frontdesk.patient_search ((first_key collate "C"));
create index patient_search_last_key on frontdesk.patient_search ((last_key collate "C"));

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
    v_literal text;
    v_pattern text;
    v_prefix  text;
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
    -- What was typed, matched literally by ILIKE.
    v_literal := regexp_replace(v_text, '([\\%_])', '\\\1', 'g');
    if v_text !~ '[[:alpha:]]' and length(v_digits) >= 3 then
        select array_agg(ranked.patient_id order by ranked.full_name, ranked.patient_id) into v_found
        from (select s.patient_id, s.full_name from patient_search s
              where s.org_id = p_org_id and s.phone like '%' || v_digits || '%'
              order by s.full_name, s.patient_id
              limit v_limit) ranked;
    elsif length(v_text) < 3 then
        -- The first names and the last names that start with it, each read in order from its
        -- index and only as far as the page needs.
        v_prefix := p_org_id::text || ' ' || lower(v_literal) || '%';
        select coalesce(array_agg(ranked.patient_id order by ranked.word, ranked.patient_id), '{}') into v_found
        from (select distinct on (starts.patient_id) starts.patient_id, starts.word
              from ((select s.patient_id, s.first_key collate "C" as word from patient_search s
                     where s.first_key collate "C" like v_prefix
                     order by s.first_key collate "C", s.patient_id limit v_limit)
                    union all
                    (select s.patient_id, s.last_key collate "C" from patient_search s
                     where s.last_key collate "C" like v_prefix
                     order by s.last_key collate "C", s.patient_id limit v_limit)) starts
              order by starts.patient_id, starts.word) ranked;
        v_found := v_found[1:v_limit];
    else
        -- Names containing it come first, most similar first; names only similar to it (a typo)
        -- follow, and are looked for only when those do not fill the page, which keeps "Liam"
        -- from scoring every name that shares a trigram with it.
        v_pattern := '%' || v_literal || '%';
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
