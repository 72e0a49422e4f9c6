-- Frontdesk schema v16: a callback matched to a patient is completed by that patient's booking,
-- whatever number or address the booking came with.
--
-- v12 asked two things of a booking before it completed a callback: that the patient booked has the
-- callback's contact key (the number it learnt, else the address), and that it is the patient the
-- callback was matched to or has the caller's name. A caller known to the clinic by e-mail who gave
-- a new number was matched to their patient by that e-mail, with the new number as the key; taking
-- an offered time then booked that same patient (found by the e-mail) and left the callback open,
-- so the desk would ring back someone already booked. Now the patient the callback was matched to
-- completes it; another patient still needs the key and the caller's name (a family's phone, a
-- shared address never close someone else's callback).
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
          and (f.patient_id = p.id
               or ((f.contact_key = p.phone or f.contact_key = p.email)
                   and p.name_key = patient_lock_key(normalize_name(left(f.callback->>'caller_name', 1000)))))
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
