-- Frontdesk schema v11: two typed letters search the starts of words.
--
-- Search as you type asks the database at the second letter. v8 looked for the two letters
-- anywhere in a name (ILIKE '%li%'), which no trigram can narrow: the whole clinic's copy of names
-- was read and scored at every such keystroke, 30 to 70 ms at a clinic group's size, and the desk
-- must show results within 50 ms of a key. Two letters now find the names with a word starting
-- with them ("li" finds Liam Brown and Ana Lima, not Amelia), which the trigram index serves (the
-- word-start trigram " li"), and which is what a person typing two letters means. Three letters
-- and more search as before: anywhere in the name, then similar names (typos).
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
        -- The starts of words: of the name, after a space, a hyphen or an apostrophe.
        select coalesce(array_agg(ranked.patient_id order by ranked.full_name, ranked.patient_id), '{}') into v_found
        from (select s.patient_id, s.full_name from patient_search s
              where s.org_id = p_org_id
                and (s.full_name ilike v_literal || '%' or s.full_name ilike '% ' || v_literal || '%'
                     or s.full_name ilike '%-' || v_literal || '%' or s.full_name ilike '%''' || v_literal || '%'
                     or s.full_name ilike '%’' || v_literal || '%')
              order by s.full_name, s.patient_id
              limit v_limit) ranked;
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
