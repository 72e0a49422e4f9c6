-- Frontdesk schema v15: every writing call of the desk can carry a request key, like a booking.
--
-- A desk that lost its connection in the middle of a call cannot know whether the server
-- committed it, and a desk that worked offline sends its actions later from its outbox. Both send
-- the same call again. The life-cycle functions are idempotent only while nothing else happens: a
-- cancellation sent again after a manager reopened the appointment would cancel it a second time.
-- With a key, the server answers a call it has already served with the answer it gave then, and
-- changes nothing.
--
-- Keys belong to the login that sent them (one desk's keys never meet another's). Only successful
-- answers are kept: a refused call stored nothing, so sending it again is asking again.

create table frontdesk.desk_requests (
    login       name not null,
    request_key text not null,
    -- What was asked, so that a key used again for something else is refused, not answered
    -- with another request's result. Times as epoch seconds: their text depends on the session.
    request     text not null,
    result      jsonb not null,
    created_at  timestamptz not null default now(),
    primary key (login, request_key)
);
-- No client reads or writes it: only the keyed functions below, as the owner.
revoke all on frontdesk.desk_requests from public;

-- The answer already given to this login for this key, or null when the key is new (and now
-- claimed by this transaction). Waits for a concurrent call with the same key to end.
create function frontdesk.claim_desk_request(p_request_key text, p_request text) returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_refusal jsonb;
    v_prior   desk_requests;
begin
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    if p_request_key is null or length(p_request_key) > 200
       or p_request_key ~ '^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$' then
        return booking_error('INVALID_IDEMPOTENCY_KEY', 'an idempotency key of 1 to 200 characters is required');
    end if;
    begin
        insert into desk_requests (login, request_key, request, result)
        values (session_user, p_request_key, p_request, '{}')
        on conflict (login, request_key) do nothing;
        if found then
            return null;
        end if;
    exception when serialization_failure then
        -- REPEATABLE READ: the same key committed after this snapshot was taken.
        return booking_error('IDEMPOTENCY_RETRY',
            'a request with this idempotency key committed after this transaction began; call again in a new transaction');
    end;
    select * into v_prior from desk_requests where login = session_user and request_key = p_request_key;
    if v_prior.request <> p_request then
        return booking_error('IDEMPOTENCY_MISMATCH', 'this idempotency key was used for a different request');
    end if;
    return v_prior.result || jsonb_build_object('replayed', true);
end;
$$;

-- Keeps a successful answer under its key; a refusal gives the key back (nothing was stored).
create function frontdesk.remember_desk_request(p_request_key text, p_result jsonb) returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
begin
    if coalesce((p_result ->> 'ok')::boolean, false) then
        update desk_requests set result = p_result
        where login = session_user and request_key = p_request_key;
    else
        delete from desk_requests where login = session_user and request_key = p_request_key;
    end if;
    return p_result;
end;
$$;

create function frontdesk.epoch_text(p_at timestamptz) returns text
language sql immutable
set search_path = frontdesk, pg_temp
as $$ select coalesce(extract(epoch from p_at)::text, '') $$;

-- ---- The keyed calls: the same functions with the key as their last argument --------------------

create function frontdesk.confirm_appointment(p_appointment_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('confirm', p_appointment_id)::text),
                    remember_desk_request(p_request_key, confirm_appointment(p_appointment_id)));
end;
$$;

create function frontdesk.check_in_appointment(p_appointment_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('check_in', p_appointment_id)::text),
                    remember_desk_request(p_request_key, check_in_appointment(p_appointment_id)));
end;
$$;

create function frontdesk.complete_appointment(p_appointment_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('complete', p_appointment_id)::text),
                    remember_desk_request(p_request_key, complete_appointment(p_appointment_id)));
end;
$$;

create function frontdesk.cancel_appointment(p_appointment_id bigint, p_reason text, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    -- Only the first 1000 characters of a reason take part in the fingerprint: a longer one is
    -- refused anyway (500 once trimmed), and a megabyte of text must not be copied around.
    return coalesce(claim_desk_request(p_request_key,
                        jsonb_build_array('cancel', p_appointment_id, left(p_reason, 1000), length(p_reason))::text),
                    remember_desk_request(p_request_key, cancel_appointment(p_appointment_id, p_reason)));
end;
$$;

create function frontdesk.mark_no_show(p_appointment_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('no_show', p_appointment_id)::text),
                    remember_desk_request(p_request_key, mark_no_show(p_appointment_id)));
end;
$$;

create function frontdesk.reschedule_appointment(
    p_appointment_id bigint, p_starts_at timestamptz, p_ends_at timestamptz, p_provider_id bigint, p_request_key text)
returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key,
                        jsonb_build_array('reschedule', p_appointment_id, epoch_text(p_starts_at),
                                          epoch_text(p_ends_at), p_provider_id)::text),
                    remember_desk_request(p_request_key,
                        reschedule_appointment(p_appointment_id, p_starts_at, p_ends_at, p_provider_id)));
end;
$$;

create function frontdesk.reopen_appointment(p_appointment_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('reopen', p_appointment_id)::text),
                    remember_desk_request(p_request_key, reopen_appointment(p_appointment_id)));
end;
$$;

create function frontdesk.claim_follow_up(p_follow_up_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('claim_follow_up', p_follow_up_id)::text),
                    remember_desk_request(p_request_key, claim_follow_up(p_follow_up_id)));
end;
$$;

create function frontdesk.release_follow_up(p_follow_up_id bigint, p_request_key text) returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key, jsonb_build_array('release_follow_up', p_follow_up_id)::text),
                    remember_desk_request(p_request_key, release_follow_up(p_follow_up_id)));
end;
$$;

create function frontdesk.complete_follow_up(p_follow_up_id bigint, p_outcome text, p_note text, p_request_key text)
returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    return coalesce(claim_desk_request(p_request_key,
                        jsonb_build_array('complete_follow_up', p_follow_up_id, left(p_outcome, 100), length(p_outcome),
                                          left(p_note, 2000), length(p_note))::text),
                    remember_desk_request(p_request_key, complete_follow_up(p_follow_up_id, p_outcome, p_note)));
end;
$$;

create function frontdesk.add_patient_note(p_patient_id bigint, p_body text, p_appointment_id bigint, p_request_key text)
returns jsonb
language plpgsql security definer set search_path = frontdesk, pg_temp
as $$
begin
    -- A note's text is the request: its digest stands for it (notes may be 40000 characters).
    return coalesce(claim_desk_request(p_request_key,
                        jsonb_build_array('add_patient_note', p_patient_id, p_appointment_id,
                                          md5(coalesce(left(p_body, 40001), '')), length(p_body))::text),
                    remember_desk_request(p_request_key, add_patient_note(p_patient_id, p_body, p_appointment_id)));
end;
$$;

revoke all on function frontdesk.claim_desk_request(text, text), frontdesk.remember_desk_request(text, jsonb),
                       frontdesk.epoch_text(timestamptz),
                       frontdesk.confirm_appointment(bigint, text), frontdesk.check_in_appointment(bigint, text),
                       frontdesk.complete_appointment(bigint, text), frontdesk.cancel_appointment(bigint, text, text),
                       frontdesk.mark_no_show(bigint, text),
                       frontdesk.reschedule_appointment(bigint, timestamptz, timestamptz, bigint, text),
                       frontdesk.reopen_appointment(bigint, text),
                       frontdesk.claim_follow_up(bigint, text), frontdesk.release_follow_up(bigint, text),
                       frontdesk.complete_follow_up(bigint, text, text, text),
                       frontdesk.add_patient_note(bigint, text, bigint, text)
    from public;
grant execute on function frontdesk.confirm_appointment(bigint, text), frontdesk.check_in_appointment(bigint, text),
                          frontdesk.complete_appointment(bigint, text), frontdesk.cancel_appointment(bigint, text, text),
                          frontdesk.mark_no_show(bigint, text),
                          frontdesk.reschedule_appointment(bigint, timestamptz, timestamptz, bigint, text),
                          frontdesk.reopen_appointment(bigint, text),
                          frontdesk.claim_follow_up(bigint, text), frontdesk.release_follow_up(bigint, text),
                          frontdesk.complete_follow_up(bigint, text, text, text),
                          frontdesk.add_patient_note(bigint, text, bigint, text)
    to frontdesk_receptionist;
