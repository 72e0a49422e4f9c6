-- Frontdesk schema v7: hardening. No lock a client can take or hold, every isolation level served
-- or refused cleanly, hostile input refused before any expensive work, names restricted to what
-- names are made of, one patient in one place, and disabling a login cuts open sessions off.
--
-- The limits and codes this adds are listed in resources/migrations/README.md.

-- ---- Locks no client can take -------------------------------------------------------------------
-- v1 to v6 serialised bookings with advisory locks on guessable keys, and any login may call
-- pg_advisory_lock: one clinic's receptionist could stall another clinic's bookings. These rows
-- are written only by the owner's functions (no client has any privilege on the table), inside the
-- caller's clinic (row-level security), so only a booking of the same clinic ever waits on them.
--
-- Taking a lock bumps the row's version rather than only locking it: under REPEATABLE READ a
-- row updated by a transaction that committed after the caller's snapshot cannot be updated again
-- ("could not serialize access"), which is how a call learns that its snapshot is too old to
-- answer from. What a booking reads of the patient must be current (or a caller would be created
-- twice), so a stale patient answers RETRY; a stale provider's book matters only for the
-- alternatives offered with a refusal, so only a refusal answers RETRY then.
create table frontdesk.booking_locks (
    org_id   bigint not null references frontdesk.organisations (id),
    scope    text not null check (scope in ('provider', 'patient')),
    lock_key text not null check (length(lock_key) <= 400),
    version  bigint not null default 0,
    primary key (org_id, scope, lock_key)
);
alter table frontdesk.booking_locks enable row level security;
alter table frontdesk.booking_locks force row level security;
create policy tenant on frontdesk.booking_locks
    using ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]))
    with check ((select frontdesk.is_admin()) or org_id = any ((select frontdesk.my_org_ids())::bigint[]));

-- Locks a row, creating it on first use. False when, under REPEATABLE READ, the row changed after
-- the caller's snapshot: nothing is locked then, and what the caller reads of that schedule or
-- patient may be out of date.
create function frontdesk.take_booking_lock(p_org_id bigint, p_scope text, p_key text) returns boolean
language plpgsql
set search_path = frontdesk, pg_temp
as $$
begin
    insert into booking_locks (org_id, scope, lock_key) values (p_org_id, p_scope, p_key)
    on conflict (org_id, scope, lock_key) do update set version = booking_locks.version + 1;
    return true;
exception when serialization_failure then
    return false;
end;
$$;

-- The lock that serialises everything one person's bookings depend on: matching a caller to a
-- patient record needs the same name, so the name is the key.
create function frontdesk.patient_lock_key(p_normalized_name text) returns text
language sql immutable
as $$
    select lower(p_normalized_name collate "und-x-icu")
$$;

-- Booking claims its idempotency key with an immediate foreign key now: a caller who ran
-- SET CONSTRAINTS ALL IMMEDIATE before calling would otherwise get a raw 23503. The claim has
-- no appointment yet; the booking fills it in before it returns.
alter table frontdesk.booking_requests alter column appointment_id drop not null;
alter table frontdesk.booking_requests alter constraint booking_requests_appointment_id_fkey not deferrable;

-- ---- What a call may be asked in -----------------------------------------------------------------
-- Answers for transactions a writing function cannot serve. SERIALIZABLE is refused: PostgreSQL
-- may abort such a transaction at COMMIT, after the function has answered, for reads any booking
-- must make; no function can turn that into an answer. READ COMMITTED and REPEATABLE READ are
-- served.
create function frontdesk.write_refusal() returns jsonb
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select case
        when current_setting('transaction_read_only') = 'on' then
            booking_error('READ_ONLY_TRANSACTION',
                          'this function writes: call it in a read-write transaction on the primary server')
        when current_setting('transaction_isolation') = 'serializable' then
            booking_error('UNSUPPORTED_ISOLATION',
                          'call this function in a READ COMMITTED (autocommit) or REPEATABLE READ transaction')
    end
$$;

-- What a call answers when a concurrent change made it a victim: its snapshot predates a change
-- it depends on (REPEATABLE READ), a deadlock, or the caller's lock_timeout. Nothing was stored.
create function frontdesk.retry_error() returns jsonb
language sql immutable
set search_path = frontdesk, pg_temp
as $$
    select booking_error('RETRY',
        'a concurrent change to the same schedule or patient got in first; nothing was stored: call again in a new transaction')
$$;

-- ---- Times ----------------------------------------------------------------------------------------
-- The times an appointment may have: finite, from 2000-01-01 to two years from now, ending after
-- it starts and at most 8 hours later; then not in the past (a few minutes of grace for walk-ins).
-- Checked before any arithmetic: infinite and extreme timestamps overflow interval arithmetic.
create function frontdesk.appointment_time_refusal(p_starts_at timestamptz, p_ends_at timestamptz) returns jsonb
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select case
        when p_starts_at is null or p_ends_at is null
             or not isfinite(p_starts_at) or not isfinite(p_ends_at)
             or p_starts_at < timestamptz '2000-01-01 00:00:00+00'
             or p_starts_at > now() + interval '2 years'
             or p_ends_at <= p_starts_at
             or p_ends_at - p_starts_at > interval '8 hours' then
            booking_error('INVALID_TIME',
                'an appointment starts between 2000-01-01 and two years from now, and ends after its start, at most 8 hours later')
        when p_starts_at < now() - interval '5 minutes' then
            booking_error('IN_THE_PAST', 'the appointment would start in the past')
    end
$$;

-- ---- Names ----------------------------------------------------------------------------------------
-- What a patient's name may be made of: letters and combining marks (Unicode 14.0 general
-- categories L and M, less compatibility characters such as U+2139 INFORMATION SOURCE, ligatures,
-- full-width and circled forms, whose NFKC form differs), spaces, and the punctuation names use
-- (listed in is_valid_name). Everything else is refused: digits of every script, symbols and
-- pictographs, format characters (bidirectional overrides and isolates, zero-width characters, the
-- byte-order mark), controls, private use and unassigned code points. An explicit table rather
-- than the server's locale or ICU version, so the answer never changes with the server; the
-- desk's twin (models/text/PersonName.cpp) asks Qt's Unicode 14.0 tables, and a test compares
-- the two over every code point.
-- Generated from Python 3.11's unicodedata (Unicode 14.0.0): every code point whose category
-- starts with L or M and that equals its own NFKC form, less the invisible ones (default-ignorable
-- letters and marks: U+034F, U+115F-1160, U+17B4-17B5, U+180B-180D, U+180F, the variation
-- selectors U+FE00-FE0F and U+E0100-E01EF); consecutive code points of one kind make one range
-- [first, last).
create table frontdesk.name_characters (
    code_points int4range not null,
    kind        text not null check (kind in ('L', 'M')),   -- letter, combining mark
    exclude using gist (code_points with &&)
);
alter table frontdesk.name_characters enable row level security;
alter table frontdesk.name_characters force row level security;
create policy readable on frontdesk.name_characters for select using (true);
create policy owner_writes on frontdesk.name_characters using ((select frontdesk.is_admin()))
    with check ((select frontdesk.is_admin()));

insert into frontdesk.name_characters (code_points, kind)
select int4range(first, last), kind
from (values
    (65,91,'L'), (97,123,'L'), (192,215,'L'), (216,247,'L'), (248,306,'L'), (308,319,'L'),
    (321,329,'L'), (330,383,'L'), (384,452,'L'), (461,497,'L'), (500,688,'L'), (697,706,'L'),
    (710,722,'L'), (748,749,'L'), (750,751,'L'), (768,832,'M'), (834,835,'M'), (837,847,'M'),
    (848,880,'M'), (880,884,'L'), (886,888,'L'), (891,894,'L'), (895,896,'L'), (902,903,'L'),
    (904,907,'L'), (908,909,'L'), (910,930,'L'), (931,976,'L'), (983,1008,'L'), (1011,1012,'L'),
    (1015,1017,'L'), (1018,1154,'L'), (1155,1162,'M'), (1162,1328,'L'), (1329,1367,'L'),
    (1369,1370,'L'), (1376,1415,'L'), (1416,1417,'L'), (1425,1470,'M'), (1471,1472,'M'),
    (1473,1475,'M'), (1476,1478,'M'), (1479,1480,'M'), (1488,1515,'L'), (1519,1523,'L'),
    (1552,1563,'M'), (1568,1611,'L'), (1611,1632,'M'), (1646,1648,'L'), (1648,1649,'M'),
    (1649,1653,'L'), (1657,1748,'L'), (1749,1750,'L'), (1750,1757,'M'), (1759,1765,'M'),
    (1765,1767,'L'), (1767,1769,'M'), (1770,1774,'M'), (1774,1776,'L'), (1786,1789,'L'),
    (1791,1792,'L'), (1808,1809,'L'), (1809,1810,'M'), (1810,1840,'L'), (1840,1867,'M'),
    (1869,1958,'L'), (1958,1969,'M'), (1969,1970,'L'), (1994,2027,'L'), (2027,2036,'M'),
    (2036,2038,'L'), (2042,2043,'L'), (2045,2046,'M'), (2048,2070,'L'), (2070,2074,'M'),
    (2074,2075,'L'), (2075,2084,'M'), (2084,2085,'L'), (2085,2088,'M'), (2088,2089,'L'),
    (2089,2094,'M'), (2112,2137,'L'), (2137,2140,'M'), (2144,2155,'L'), (2160,2184,'L'),
    (2185,2191,'L'), (2200,2208,'M'), (2208,2250,'L'), (2250,2274,'M'), (2275,2308,'M'),
    (2308,2362,'L'), (2362,2365,'M'), (2365,2366,'L'), (2366,2384,'M'), (2384,2385,'L'),
    (2385,2392,'M'), (2400,2402,'L'), (2402,2404,'M'), (2417,2433,'L'), (2433,2436,'M'),
    (2437,2445,'L'), (2447,2449,'L'), (2451,2473,'L'), (2474,2481,'L'), (2482,2483,'L'),
    (2486,2490,'L'), (2492,2493,'M'), (2493,2494,'L'), (2494,2501,'M'), (2503,2505,'M'),
    (2507,2510,'M'), (2510,2511,'L'), (2519,2520,'M'), (2528,2530,'L'), (2530,2532,'M'),
    (2544,2546,'L'), (2556,2557,'L'), (2558,2559,'M'), (2561,2564,'M'), (2565,2571,'L'),
    (2575,2577,'L'), (2579,2601,'L'), (2602,2609,'L'), (2610,2611,'L'), (2613,2614,'L'),
    (2616,2618,'L'), (2620,2621,'M'), (2622,2627,'M'), (2631,2633,'M'), (2635,2638,'M'),
    (2641,2642,'M'), (2652,2653,'L'), (2672,2674,'M'), (2674,2677,'L'), (2677,2678,'M'),
    (2689,2692,'M'), (2693,2702,'L'), (2703,2706,'L'), (2707,2729,'L'), (2730,2737,'L'),
    (2738,2740,'L'), (2741,2746,'L'), (2748,2749,'M'), (2749,2750,'L'), (2750,2758,'M'),
    (2759,2762,'M'), (2763,2766,'M'), (2768,2769,'L'), (2784,2786,'L'), (2786,2788,'M'),
    (2809,2810,'L'), (2810,2816,'M'), (2817,2820,'M'), (2821,2829,'L'), (2831,2833,'L'),
    (2835,2857,'L'), (2858,2865,'L'), (2866,2868,'L'), (2869,2874,'L'), (2876,2877,'M'),
    (2877,2878,'L'), (2878,2885,'M'), (2887,2889,'M'), (2891,2894,'M'), (2901,2904,'M'),
    (2911,2914,'L'), (2914,2916,'M'), (2929,2930,'L'), (2946,2947,'M'), (2947,2948,'L'),
    (2949,2955,'L'), (2958,2961,'L'), (2962,2966,'L'), (2969,2971,'L'), (2972,2973,'L'),
    (2974,2976,'L'), (2979,2981,'L'), (2984,2987,'L'), (2990,3002,'L'), (3006,3011,'M'),
    (3014,3017,'M'), (3018,3022,'M'), (3024,3025,'L'), (3031,3032,'M'), (3072,3077,'M'),
    (3077,3085,'L'), (3086,3089,'L'), (3090,3113,'L'), (3114,3130,'L'), (3132,3133,'M'),
    (3133,3134,'L'), (3134,3141,'M'), (3142,3145,'M'), (3146,3150,'M'), (3157,3159,'M'),
    (3160,3163,'L'), (3165,3166,'L'), (3168,3170,'L'), (3170,3172,'M'), (3200,3201,'L'),
    (3201,3204,'M'), (3205,3213,'L'), (3214,3217,'L'), (3218,3241,'L'), (3242,3252,'L'),
    (3253,3258,'L'), (3260,3261,'M'), (3261,3262,'L'), (3262,3269,'M'), (3270,3273,'M'),
    (3274,3278,'M'), (3285,3287,'M'), (3293,3295,'L'), (3296,3298,'L'), (3298,3300,'M'),
    (3313,3315,'L'), (3328,3332,'M'), (3332,3341,'L'), (3342,3345,'L'), (3346,3387,'L'),
    (3387,3389,'M'), (3389,3390,'L'), (3390,3397,'M'), (3398,3401,'M'), (3402,3406,'M'),
    (3406,3407,'L'), (3412,3415,'L'), (3415,3416,'M'), (3423,3426,'L'), (3426,3428,'M'),
    (3450,3456,'L'), (3457,3460,'M'), (3461,3479,'L'), (3482,3506,'L'), (3507,3516,'L'),
    (3517,3518,'L'), (3520,3527,'L'), (3530,3531,'M'), (3535,3541,'M'), (3542,3543,'M'),
    (3544,3552,'M'), (3570,3572,'M'), (3585,3633,'L'), (3633,3634,'M'), (3634,3635,'L'),
    (3636,3643,'M'), (3648,3655,'L'), (3655,3663,'M'), (3713,3715,'L'), (3716,3717,'L'),
    (3718,3723,'L'), (3724,3748,'L'), (3749,3750,'L'), (3751,3761,'L'), (3761,3762,'M'),
    (3762,3763,'L'), (3764,3773,'M'), (3773,3774,'L'), (3776,3781,'L'), (3782,3783,'L'),
    (3784,3790,'M'), (3806,3808,'L'), (3840,3841,'L'), (3864,3866,'M'), (3893,3894,'M'),
    (3895,3896,'M'), (3897,3898,'M'), (3902,3904,'M'), (3904,3907,'L'), (3908,3912,'L'),
    (3913,3917,'L'), (3918,3922,'L'), (3923,3927,'L'), (3928,3932,'L'), (3933,3945,'L'),
    (3946,3949,'L'), (3953,3955,'M'), (3956,3957,'M'), (3962,3969,'M'), (3970,3973,'M'),
    (3974,3976,'M'), (3976,3981,'L'), (3981,3987,'M'), (3988,3992,'M'), (3993,3997,'M'),
    (3998,4002,'M'), (4003,4007,'M'), (4008,4012,'M'), (4013,4025,'M'), (4026,4029,'M'),
    (4038,4039,'M'), (4096,4139,'L'), (4139,4159,'M'), (4159,4160,'L'), (4176,4182,'L'),
    (4182,4186,'M'), (4186,4190,'L'), (4190,4193,'M'), (4193,4194,'L'), (4194,4197,'M'),
    (4197,4199,'L'), (4199,4206,'M'), (4206,4209,'L'), (4209,4213,'M'), (4213,4226,'L'),
    (4226,4238,'M'), (4238,4239,'L'), (4239,4240,'M'), (4250,4254,'M'), (4256,4294,'L'),
    (4295,4296,'L'), (4301,4302,'L'), (4304,4347,'L'), (4349,4447,'L'), (4449,4681,'L'),
    (4682,4686,'L'), (4688,4695,'L'), (4696,4697,'L'), (4698,4702,'L'), (4704,4745,'L'),
    (4746,4750,'L'), (4752,4785,'L'), (4786,4790,'L'), (4792,4799,'L'), (4800,4801,'L'),
    (4802,4806,'L'), (4808,4823,'L'), (4824,4881,'L'), (4882,4886,'L'), (4888,4955,'L'),
    (4957,4960,'M'), (4992,5008,'L'), (5024,5110,'L'), (5112,5118,'L'), (5121,5741,'L'),
    (5743,5760,'L'), (5761,5787,'L'), (5792,5867,'L'), (5873,5881,'L'), (5888,5906,'L'),
    (5906,5910,'M'), (5919,5938,'L'), (5938,5941,'M'), (5952,5970,'L'), (5970,5972,'M'),
    (5984,5997,'L'), (5998,6001,'L'), (6002,6004,'M'), (6016,6068,'L'), (6070,6100,'M'),
    (6103,6104,'L'), (6108,6109,'L'), (6109,6110,'M'), (6176,6265,'L'), (6272,6277,'L'),
    (6277,6279,'M'), (6279,6313,'L'), (6313,6314,'M'), (6314,6315,'L'), (6320,6390,'L'),
    (6400,6431,'L'), (6432,6444,'M'), (6448,6460,'M'), (6480,6510,'L'), (6512,6517,'L'),
    (6528,6572,'L'), (6576,6602,'L'), (6656,6679,'L'), (6679,6684,'M'), (6688,6741,'L'),
    (6741,6751,'M'), (6752,6781,'M'), (6783,6784,'M'), (6823,6824,'L'), (6832,6863,'M'),
    (6912,6917,'M'), (6917,6964,'L'), (6964,6981,'M'), (6981,6989,'L'), (7019,7028,'M'),
    (7040,7043,'M'), (7043,7073,'L'), (7073,7086,'M'), (7086,7088,'L'), (7098,7142,'L'),
    (7142,7156,'M'), (7168,7204,'L'), (7204,7224,'M'), (7245,7248,'L'), (7258,7294,'L'),
    (7296,7305,'L'), (7312,7355,'L'), (7357,7360,'L'), (7376,7379,'M'), (7380,7401,'M'),
    (7401,7405,'L'), (7405,7406,'M'), (7406,7412,'L'), (7412,7413,'M'), (7413,7415,'L'),
    (7415,7418,'M'), (7418,7419,'L'), (7424,7468,'L'), (7471,7472,'L'), (7483,7484,'L'),
    (7502,7503,'L'), (7531,7544,'L'), (7545,7579,'L'), (7616,7680,'M'), (7680,7834,'L'),
    (7836,7958,'L'), (7960,7966,'L'), (7968,8006,'L'), (8008,8014,'L'), (8016,8024,'L'),
    (8025,8026,'L'), (8027,8028,'L'), (8029,8030,'L'), (8031,8049,'L'), (8050,8051,'L'),
    (8052,8053,'L'), (8054,8055,'L'), (8056,8057,'L'), (8058,8059,'L'), (8060,8061,'L'),
    (8064,8117,'L'), (8118,8123,'L'), (8124,8125,'L'), (8130,8133,'L'), (8134,8137,'L'),
    (8138,8139,'L'), (8140,8141,'L'), (8144,8147,'L'), (8150,8155,'L'), (8160,8163,'L'),
    (8164,8171,'L'), (8172,8173,'L'), (8178,8181,'L'), (8182,8185,'L'), (8186,8187,'L'),
    (8188,8189,'L'), (8400,8433,'M'), (8498,8499,'L'), (8526,8527,'L'), (8579,8581,'L'),
    (11264,11388,'L'), (11390,11493,'L'), (11499,11503,'L'), (11503,11506,'M'), (11506,11508,'L'),
    (11520,11558,'L'), (11559,11560,'L'), (11565,11566,'L'), (11568,11624,'L'), (11647,11648,'M'),
    (11648,11671,'L'), (11680,11687,'L'), (11688,11695,'L'), (11696,11703,'L'), (11704,11711,'L'),
    (11712,11719,'L'), (11720,11727,'L'), (11728,11735,'L'), (11736,11743,'L'), (11744,11776,'M'),
    (11823,11824,'L'), (12293,12295,'L'), (12330,12336,'M'), (12337,12342,'L'), (12347,12349,'L'),
    (12353,12439,'L'), (12441,12443,'M'), (12445,12447,'L'), (12449,12539,'L'), (12540,12543,'L'),
    (12549,12592,'L'), (12704,12736,'L'), (12784,12800,'L'), (13312,19904,'L'), (19968,42125,'L'),
    (42192,42238,'L'), (42240,42509,'L'), (42512,42528,'L'), (42538,42540,'L'), (42560,42607,'L'),
    (42607,42611,'M'), (42612,42622,'M'), (42623,42652,'L'), (42654,42656,'M'), (42656,42726,'L'),
    (42736,42738,'M'), (42775,42784,'L'), (42786,42864,'L'), (42865,42889,'L'), (42891,42955,'L'),
    (42960,42962,'L'), (42963,42964,'L'), (42965,42970,'L'), (42997,43000,'L'), (43002,43010,'L'),
    (43010,43011,'M'), (43011,43014,'L'), (43014,43015,'M'), (43015,43019,'L'), (43019,43020,'M'),
    (43020,43043,'L'), (43043,43048,'M'), (43052,43053,'M'), (43072,43124,'L'), (43136,43138,'M'),
    (43138,43188,'L'), (43188,43206,'M'), (43232,43250,'M'), (43250,43256,'L'), (43259,43260,'L'),
    (43261,43263,'L'), (43263,43264,'M'), (43274,43302,'L'), (43302,43310,'M'), (43312,43335,'L'),
    (43335,43348,'M'), (43360,43389,'L'), (43392,43396,'M'), (43396,43443,'L'), (43443,43457,'M'),
    (43471,43472,'L'), (43488,43493,'L'), (43493,43494,'M'), (43494,43504,'L'), (43514,43519,'L'),
    (43520,43561,'L'), (43561,43575,'M'), (43584,43587,'L'), (43587,43588,'M'), (43588,43596,'L'),
    (43596,43598,'M'), (43616,43639,'L'), (43642,43643,'L'), (43643,43646,'M'), (43646,43696,'L'),
    (43696,43697,'M'), (43697,43698,'L'), (43698,43701,'M'), (43701,43703,'L'), (43703,43705,'M'),
    (43705,43710,'L'), (43710,43712,'M'), (43712,43713,'L'), (43713,43714,'M'), (43714,43715,'L'),
    (43739,43742,'L'), (43744,43755,'L'), (43755,43760,'M'), (43762,43765,'L'), (43765,43767,'M'),
    (43777,43783,'L'), (43785,43791,'L'), (43793,43799,'L'), (43808,43815,'L'), (43816,43823,'L'),
    (43824,43867,'L'), (43872,43881,'L'), (43888,44003,'L'), (44003,44011,'M'), (44012,44014,'M'),
    (44032,55204,'L'), (55216,55239,'L'), (55243,55292,'L'), (64014,64016,'L'), (64017,64018,'L'),
    (64019,64021,'L'), (64031,64032,'L'), (64033,64034,'L'), (64035,64037,'L'), (64039,64042,'L'),
    (64286,64287,'M'), (65056,65072,'M'), (65139,65140,'L'), (65536,65548,'L'), (65549,65575,'L'),
    (65576,65595,'L'), (65596,65598,'L'), (65599,65614,'L'), (65616,65630,'L'), (65664,65787,'L'),
    (66045,66046,'M'), (66176,66205,'L'), (66208,66257,'L'), (66272,66273,'M'), (66304,66336,'L'),
    (66349,66369,'L'), (66370,66378,'L'), (66384,66422,'L'), (66422,66427,'M'), (66432,66462,'L'),
    (66464,66500,'L'), (66504,66512,'L'), (66560,66718,'L'), (66736,66772,'L'), (66776,66812,'L'),
    (66816,66856,'L'), (66864,66916,'L'), (66928,66939,'L'), (66940,66955,'L'), (66956,66963,'L'),
    (66964,66966,'L'), (66967,66978,'L'), (66979,66994,'L'), (66995,67002,'L'), (67003,67005,'L'),
    (67072,67383,'L'), (67392,67414,'L'), (67424,67432,'L'), (67456,67457,'L'), (67584,67590,'L'),
    (67592,67593,'L'), (67594,67638,'L'), (67639,67641,'L'), (67644,67645,'L'), (67647,67670,'L'),
    (67680,67703,'L'), (67712,67743,'L'), (67808,67827,'L'), (67828,67830,'L'), (67840,67862,'L'),
    (67872,67898,'L'), (67968,68024,'L'), (68030,68032,'L'), (68096,68097,'L'), (68097,68100,'M'),
    (68101,68103,'M'), (68108,68112,'M'), (68112,68116,'L'), (68117,68120,'L'), (68121,68150,'L'),
    (68152,68155,'M'), (68159,68160,'M'), (68192,68221,'L'), (68224,68253,'L'), (68288,68296,'L'),
    (68297,68325,'L'), (68325,68327,'M'), (68352,68406,'L'), (68416,68438,'L'), (68448,68467,'L'),
    (68480,68498,'L'), (68608,68681,'L'), (68736,68787,'L'), (68800,68851,'L'), (68864,68900,'L'),
    (68900,68904,'M'), (69248,69290,'L'), (69291,69293,'M'), (69296,69298,'L'), (69376,69405,'L'),
    (69415,69416,'L'), (69424,69446,'L'), (69446,69457,'M'), (69488,69506,'L'), (69506,69510,'M'),
    (69552,69573,'L'), (69600,69623,'L'), (69632,69635,'M'), (69635,69688,'L'), (69688,69703,'M'),
    (69744,69745,'M'), (69745,69747,'L'), (69747,69749,'M'), (69749,69750,'L'), (69759,69763,'M'),
    (69763,69808,'L'), (69808,69819,'M'), (69826,69827,'M'), (69840,69865,'L'), (69888,69891,'M'),
    (69891,69927,'L'), (69927,69941,'M'), (69956,69957,'L'), (69957,69959,'M'), (69959,69960,'L'),
    (69968,70003,'L'), (70003,70004,'M'), (70006,70007,'L'), (70016,70019,'M'), (70019,70067,'L'),
    (70067,70081,'M'), (70081,70085,'L'), (70089,70093,'M'), (70094,70096,'M'), (70106,70107,'L'),
    (70108,70109,'L'), (70144,70162,'L'), (70163,70188,'L'), (70188,70200,'M'), (70206,70207,'M'),
    (70272,70279,'L'), (70280,70281,'L'), (70282,70286,'L'), (70287,70302,'L'), (70303,70313,'L'),
    (70320,70367,'L'), (70367,70379,'M'), (70400,70404,'M'), (70405,70413,'L'), (70415,70417,'L'),
    (70419,70441,'L'), (70442,70449,'L'), (70450,70452,'L'), (70453,70458,'L'), (70459,70461,'M'),
    (70461,70462,'L'), (70462,70469,'M'), (70471,70473,'M'), (70475,70478,'M'), (70480,70481,'L'),
    (70487,70488,'M'), (70493,70498,'L'), (70498,70500,'M'), (70502,70509,'M'), (70512,70517,'M'),
    (70656,70709,'L'), (70709,70727,'M'), (70727,70731,'L'), (70750,70751,'M'), (70751,70754,'L'),
    (70784,70832,'L'), (70832,70852,'M'), (70852,70854,'L'), (70855,70856,'L'), (71040,71087,'L'),
    (71087,71094,'M'), (71096,71105,'M'), (71128,71132,'L'), (71132,71134,'M'), (71168,71216,'L'),
    (71216,71233,'M'), (71236,71237,'L'), (71296,71339,'L'), (71339,71352,'M'), (71352,71353,'L'),
    (71424,71451,'L'), (71453,71468,'M'), (71488,71495,'L'), (71680,71724,'L'), (71724,71739,'M'),
    (71840,71904,'L'), (71935,71943,'L'), (71945,71946,'L'), (71948,71956,'L'), (71957,71959,'L'),
    (71960,71984,'L'), (71984,71990,'M'), (71991,71993,'M'), (71995,71999,'M'), (71999,72000,'L'),
    (72000,72001,'M'), (72001,72002,'L'), (72002,72004,'M'), (72096,72104,'L'), (72106,72145,'L'),
    (72145,72152,'M'), (72154,72161,'M'), (72161,72162,'L'), (72163,72164,'L'), (72164,72165,'M'),
    (72192,72193,'L'), (72193,72203,'M'), (72203,72243,'L'), (72243,72250,'M'), (72250,72251,'L'),
    (72251,72255,'M'), (72263,72264,'M'), (72272,72273,'L'), (72273,72284,'M'), (72284,72330,'L'),
    (72330,72346,'M'), (72349,72350,'L'), (72368,72441,'L'), (72704,72713,'L'), (72714,72751,'L'),
    (72751,72759,'M'), (72760,72768,'M'), (72768,72769,'L'), (72818,72848,'L'), (72850,72872,'M'),
    (72873,72887,'M'), (72960,72967,'L'), (72968,72970,'L'), (72971,73009,'L'), (73009,73015,'M'),
    (73018,73019,'M'), (73020,73022,'M'), (73023,73030,'M'), (73030,73031,'L'), (73031,73032,'M'),
    (73056,73062,'L'), (73063,73065,'L'), (73066,73098,'L'), (73098,73103,'M'), (73104,73106,'M'),
    (73107,73112,'M'), (73112,73113,'L'), (73440,73459,'L'), (73459,73463,'M'), (73648,73649,'L'),
    (73728,74650,'L'), (74880,75076,'L'), (77712,77809,'L'), (77824,78895,'L'), (82944,83527,'L'),
    (92160,92729,'L'), (92736,92767,'L'), (92784,92863,'L'), (92880,92910,'L'), (92912,92917,'M'),
    (92928,92976,'L'), (92976,92983,'M'), (92992,92996,'L'), (93027,93048,'L'), (93053,93072,'L'),
    (93760,93824,'L'), (93952,94027,'L'), (94031,94032,'M'), (94032,94033,'L'), (94033,94088,'M'),
    (94095,94099,'M'), (94099,94112,'L'), (94176,94178,'L'), (94179,94180,'L'), (94180,94181,'M'),
    (94192,94194,'M'), (94208,100344,'L'), (100352,101590,'L'), (101632,101641,'L'),
    (110576,110580,'L'), (110581,110588,'L'), (110589,110591,'L'), (110592,110883,'L'),
    (110928,110931,'L'), (110948,110952,'L'), (110960,111356,'L'), (113664,113771,'L'),
    (113776,113789,'L'), (113792,113801,'L'), (113808,113818,'L'), (113821,113823,'M'),
    (118528,118574,'M'), (118576,118599,'M'), (119141,119146,'M'), (119149,119155,'M'),
    (119163,119171,'M'), (119173,119180,'M'), (119210,119214,'M'), (119362,119365,'M'),
    (121344,121399,'M'), (121403,121453,'M'), (121461,121462,'M'), (121476,121477,'M'),
    (121499,121504,'M'), (121505,121520,'M'), (122624,122655,'L'), (122880,122887,'M'),
    (122888,122905,'M'), (122907,122914,'M'), (122915,122917,'M'), (122918,122923,'M'),
    (123136,123181,'L'), (123184,123191,'M'), (123191,123198,'L'), (123214,123215,'L'),
    (123536,123566,'L'), (123566,123567,'M'), (123584,123628,'L'), (123628,123632,'M'),
    (124896,124903,'L'), (124904,124908,'L'), (124909,124911,'L'), (124912,124927,'L'),
    (124928,125125,'L'), (125136,125143,'M'), (125184,125252,'L'), (125252,125259,'M'),
    (125259,125260,'L'), (131072,173792,'L'), (173824,177977,'L'), (177984,178206,'L'),
    (178208,183970,'L'), (183984,191457,'L'), (196608,201547,'L')
) as ranges (first, last, kind);

-- The kind of one character in a name: L, M, a space, P (punctuation names use), or null.
create function frontdesk.name_character_kind(p_char text) returns text
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select case
        when p_char = ' ' then ' '
        when p_char in ('.', ',', '''', '-', U&'\2019', U&'\2010', U&'\00B7', U&'\30FB') then 'P'
        else (select kind from name_characters where code_points @> ascii(p_char))
    end
$$;

-- initcap() per character, the same on every server: cased letters and ASCII digits continue a
-- word, and the character after anything else (a space, an apostrophe, an uncased letter such as
-- the Hawaiian ʻokina) starts one ("o'brien-smith" -> "O'Brien-Smith"). Combining marks belong to
-- the letter before them: kept as they are, and they change nothing ("ra̱ul" -> "Ra̱ul"; v1 made
-- it "Ra̱Ul"). Set-based, so a long word costs linear time (v1 appended one character at a time).
create or replace function frontdesk.title_case_word(p_word text) returns text
language sql stable
set search_path = frontdesk, pg_temp
as $$
    with chars as (
        select c, i, coalesce(name_character_kind(c) = 'M', false) as mark
        from regexp_split_to_table(p_word, '') with ordinality as t (c, i)
    ), word_starts as (
        select i, lag(c) over (order by i) as prev from chars where not mark
    )
    select coalesce(string_agg(
               case when chars.mark then c
                    when prev is null or not (prev ~ '[0-9]' or lower(prev collate "und-x-icu") <> upper(prev collate "und-x-icu"))
                    then upper(c collate "und-x-icu")
                    else lower(c collate "und-x-icu") end, '' order by i), '')
    from chars left join word_starts using (i)
$$;

-- NFC, white space collapsed, words typed all lower or all upper case in Title Case ("mary
-- o'brien" -> "Mary O'Brien"); a word typed in mixed case ("McDonald") kept as typed; NFC again
-- after the case mapping, which can decompose (upper('ΐ') is three code points). Stable, not
-- immutable as before: it reads the table of name characters.
create or replace function frontdesk.normalize_name(p_name text) returns text
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select case when p_name is not null then normalize(coalesce((
        select string_agg(
                   case when w = lower(w collate "und-x-icu") or w = upper(w collate "und-x-icu")
                        then title_case_word(w) else w end, ' ' order by i)
        from regexp_split_to_table(
                 btrim(regexp_replace(normalize(p_name, NFC),
                       '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g')),
                 ' ') with ordinality as t (w, i)), ''), NFC)
    end
$$;

-- A normalised name: at most 100 characters (code points), in NFC; letters, combining marks,
-- spaces and . , ' ’ - ‐ · ・ only; a combining mark only after a letter or another mark, and
-- at most four in a row; at least two letters.
create or replace function frontdesk.is_valid_name(p_name text) returns boolean
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
declare
    v_kinds text;
begin
    if p_name is null or length(p_name) > 100 or not p_name is nfc normalized then
        return false;
    end if;
    select string_agg(coalesce(name_character_kind(c), '?'), '' order by i) into v_kinds
    from regexp_split_to_table(p_name, '') with ordinality as t (c, i);
    -- One symbol per character: L letter, M mark, space, P punctuation, ? anything else.
    return v_kinds !~ '\?'
       and v_kinds !~ '(^|[^LM])M'
       and v_kinds !~ 'MMMMM'
       and length(regexp_replace(v_kinds, '[^L]', '', 'g')) >= 2;
end;
$$;

-- Names stored before v7 as typed (decomposed accents, say) in NFC, as every name is normalised
-- from now on: a returning caller is matched by the lower-cased name.
update frontdesk.patients set full_name = normalize(full_name, NFC) where full_name is not nfc normalized;

-- ---- One patient in one place ---------------------------------------------------------------------
-- A person cannot be in two rooms at once: a patient's live appointments never overlap, whichever
-- provider, guaranteed like the provider rule by an exclusion constraint. Appointments that
-- already overlapped before this version (the desk allowed it) are marked legacy_overlap and left
-- as they are, every one but the earliest-starting of each overlapping run; rescheduling or
-- reopening one clears the mark, so it is checked again.
alter table frontdesk.appointments add column legacy_overlap boolean not null default false;
update frontdesk.appointments a
set legacy_overlap = true
from (select id
      from (select id, starts_at,
                   max(ends_at) over (partition by org_id, patient_id order by starts_at, id
                                      rows between unbounded preceding and 1 preceding) as earlier_ends_at
            from frontdesk.appointments
            where status not in ('cancelled', 'no_show')) live
      where earlier_ends_at > starts_at) overlapping
where a.id = overlapping.id;

alter table frontdesk.appointments add constraint appointments_patient_no_overlap exclude using gist (
    org_id with =,
    patient_id with =,
    tstzrange(starts_at, ends_at, '[)') with &&
) where (status not in ('cancelled', 'no_show') and not legacy_overlap);

-- The marked appointments are outside the constraint, so what is placed anew (booked, moved,
-- reopened) is checked against them here, under the patient's lock that every such change holds,
-- and refused as the constraint would refuse it.
create function frontdesk.refuse_overlap_with_legacy() returns trigger
language plpgsql
set search_path = frontdesk, pg_temp
as $$
begin
    if exists (
        select 1 from appointments a
        where a.org_id = new.org_id and a.patient_id = new.patient_id and a.id <> new.id
          and a.legacy_overlap and a.status not in ('cancelled', 'no_show')
          and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(new.starts_at, new.ends_at, '[)')) then
        raise exception 'the patient has another appointment at that time'
            using errcode = 'exclusion_violation', constraint = 'appointments_patient_no_overlap';
    end if;
    return new;
end;
$$;

create trigger appointments_legacy_overlap_on_insert
    before insert on frontdesk.appointments
    for each row
    when (new.status not in ('cancelled', 'no_show') and not new.legacy_overlap)
    execute function frontdesk.refuse_overlap_with_legacy();
create trigger appointments_legacy_overlap_on_update
    before update on frontdesk.appointments
    for each row
    when (new.status not in ('cancelled', 'no_show') and not new.legacy_overlap
          and (new.starts_at <> old.starts_at or new.ends_at <> old.ends_at or new.patient_id <> old.patient_id
               or old.status in ('cancelled', 'no_show') or old.legacy_overlap))
    execute function frontdesk.refuse_overlap_with_legacy();

-- Free starts of the same length as a wanted slot, nearest first, within opening hours, on a
-- 15-minute grid, when the provider is free and (given a patient) the patient too.
drop function frontdesk.nearest_free_slots(bigint, bigint, timestamptz, interval, integer);
create function frontdesk.nearest_free_slots(
    p_org_id bigint, p_provider_id bigint, p_starts_at timestamptz, p_length interval,
    p_patient_id bigint default null, p_count integer default 3)
returns setof timestamptz
language plpgsql stable
set search_path = frontdesk, pg_temp
as $$
begin
    -- Only what booking would accept: extreme times would overflow the arithmetic below.
    if p_starts_at is null or p_length is null or not isfinite(p_starts_at)
       or p_starts_at < timestamptz '2000-01-01 00:00:00+00' or p_starts_at > now() + interval '2 years'
       or p_length <= interval '0' or p_length > interval '8 hours' then
        return;
    end if;
    return query
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
          and s <= now() + interval '2 years'
          and within_opening_hours(org, s, s + p_length)
    )
    select c.starts_at
    from candidates c
    where not exists (
        select 1 from appointments a
        where a.org_id = p_org_id
          and (a.provider_id = p_provider_id or a.patient_id = p_patient_id)
          and a.status not in ('cancelled', 'no_show')
          and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(c.starts_at, c.starts_at + p_length, '[)'))
    order by abs(extract(epoch from c.starts_at - p_starts_at)), c.starts_at
    limit greatest(least(coalesce(p_count, 3), 20), 0);
end;
$$;

-- The refusal for an appointment that would overlap another: the provider's (SLOT_UNAVAILABLE) or
-- the patient's (PATIENT_BUSY, with the appointment in the way), with the nearest starts at which
-- both are free.
create function frontdesk.overlap_refusal(
    p_constraint text, p_org_id bigint, p_provider_id bigint, p_patient_id bigint,
    p_starts_at timestamptz, p_ends_at timestamptz)
returns jsonb
language sql stable
set search_path = frontdesk, pg_temp
as $$
    select case when p_constraint = 'appointments_patient_no_overlap' then
        booking_error('PATIENT_BUSY', 'the patient has another appointment at that time',
            jsonb_build_object('alternatives', free.slots, 'conflict', (
                select jsonb_build_object('appointment_id', a.id, 'provider_id', a.provider_id,
                                          'starts_at', a.starts_at, 'ends_at', a.ends_at)
                from appointments a
                where a.org_id = p_org_id and a.patient_id = p_patient_id
                  and a.status not in ('cancelled', 'no_show')
                  and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(p_starts_at, p_ends_at, '[)')
                order by a.starts_at, a.id
                limit 1)))
    else
        booking_error('SLOT_UNAVAILABLE', 'the provider is already booked at that time',
                      jsonb_build_object('alternatives', free.slots))
    end
    from (select coalesce(jsonb_agg(s), '[]') as slots
          from nearest_free_slots(p_org_id, p_provider_id, p_starts_at, p_ends_at - p_starts_at, p_patient_id) s) free
$$;

-- ---- Booking, v7 ------------------------------------------------------------------------------------
-- Order of work: refusals that cost nothing (the transaction, input sizes), then normalising, the
-- answer to a retried key, every check of the request, and only then the writes, under row locks
-- taken in one order everywhere: the key's claim, the provider, the patient.
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
        v_provider_fresh := take_booking_lock(p_org_id, 'provider', p_provider_id::text);
        if not take_booking_lock(p_org_id, 'patient', patient_lock_key(v_name)) then
            raise sqlstate '40001';   -- this snapshot may not see the patient: RETRY, below
        end if;

        -- A repeat caller is the same patient when name and phone, or name and email, agree.
        v_step := 'write';
        select id into v_patient_id from patients
        where org_id = p_org_id and lower(full_name collate "und-x-icu") = patient_lock_key(v_name)
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

-- Every caller gets INVALID_SOURCE for a source other than the two documented ones, before the
-- permission check (v2 answered NOT_PERMITTED, and three-valued logic let a null source through).
create or replace function frontdesk.book_appointment_atomic(
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
    v_refusal jsonb;
begin
    -- Before any read: a SERIALIZABLE transaction's reads alone can get it aborted at COMMIT.
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    if p_source is null or p_source not in ('ai_voice', 'staff') then
        return booking_error('INVALID_SOURCE', 'source must be ai_voice or staff');
    end if;
    -- Staff book as staff for their own clinic; an agent login books as the AI voice agent for the
    -- clinics granted to it.
    if not is_admin() and not (
        case p_source
            when 'staff' then exists (select 1 from staff where login = session_user and active and org_id = p_org_id)
            else exists (select 1 from agent_grants where login = session_user and org_id = p_org_id)
        end) then
        return booking_error('NOT_PERMITTED', 'this login may not book for that clinic as ' || p_source);
    end if;
    return book_appointment_unchecked(p_org_id, p_provider_id, p_starts_at, p_ends_at, p_patient_name, p_phone,
                                      p_email, p_source, p_idempotency_key, p_service, p_notes);
end;
$$;

-- ---- The appointment's life cycle, v7 ---------------------------------------------------------------
-- As v3, with the row locks booking takes (the providers', then the patient's) instead of advisory
-- locks, the patient rule on reschedule and reopen, every check of the request before any lock,
-- and RETRY for a call whose snapshot is too old for its answer or that lost a deadlock.
create or replace function frontdesk.apply_appointment_action(
    p_appointment_id bigint,
    p_action         text,
    p_reason         text default null,
    p_new_starts_at  timestamptz default null,
    p_new_ends_at    timestamptz default null,
    p_new_provider   bigint default null)
returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_appt       appointments;
    v_org        organisations;
    v_target     text;
    v_allowed    text[];
    v_provider   bigint;
    v_locked     bigint;
    v_patient    text;
    v_event_id   bigint;
    v_details    jsonb;
    v_refusal    jsonb;
    v_constraint text;
    v_fresh      boolean;
    v_answer     jsonb;
begin
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    -- Another clinic's appointment does not exist for this login: the policies hide it, and the
    -- explicit check says the same when the owner is a superuser (whom no policy binds).
    select * into v_appt from appointments where id = p_appointment_id;
    if v_appt.id is null or not may_manage_appointments(v_appt.org_id, false) then
        return booking_error('UNKNOWN_APPOINTMENT', 'no such appointment at this clinic');
    end if;
    if not may_manage_appointments(v_appt.org_id, p_action = 'reopen') then
        return booking_error('NOT_PERMITTED', 'this login may not ' || p_action || ' appointments of that clinic');
    end if;

    case p_action
        when 'confirm' then v_target := 'confirmed'; v_allowed := '{booked}';
        when 'check_in' then v_target := 'arrived'; v_allowed := '{booked,confirmed}';
        when 'complete' then v_target := 'completed'; v_allowed := '{arrived}';
        when 'cancel' then v_target := 'cancelled'; v_allowed := '{booked,confirmed}';
        when 'no_show' then v_target := 'no_show'; v_allowed := '{booked,confirmed}';
        when 'reschedule' then v_target := 'booked'; v_allowed := '{booked,confirmed}';
        when 'reopen' then v_target := 'booked'; v_allowed := '{cancelled,no_show}';
        else
            return booking_error('INVALID_ACTION', 'no such action: ' || coalesce(p_action, 'null'));
    end case;

    -- What the request itself gets wrong, before any lock.
    if p_action = 'cancel' then
        p_reason := nullif(btrim(p_reason), '');
        if p_reason is null or length(p_reason) > 500 then
            return booking_error('REASON_REQUIRED', 'cancelling needs a reason of at most 500 characters');
        end if;
    end if;
    v_provider := coalesce(p_new_provider, v_appt.provider_id);
    if p_action = 'reschedule' then
        v_refusal := appointment_time_refusal(p_new_starts_at, p_new_ends_at);
        if v_refusal is not null then
            return v_refusal;
        end if;
        if not exists (select 1 from providers where org_id = v_appt.org_id and id = v_provider and active) then
            return booking_error('UNKNOWN_PROVIDER', 'no such active provider at this clinic');
        end if;
    end if;
    select * into v_org from organisations where id = v_appt.org_id;
    select full_name into v_patient from patients where id = v_appt.patient_id;

    begin
        -- Provider locks in id order, then the patient's, as booking takes them; then the row,
        -- which must be current (REPEATABLE READ: a row changed since the snapshot answers RETRY).
        v_fresh := true;
        for v_locked in select distinct p from unnest(array[v_appt.provider_id, v_provider]) p order by p loop
            v_fresh := take_booking_lock(v_appt.org_id, 'provider', v_locked::text) and v_fresh;
        end loop;
        v_fresh := take_booking_lock(v_appt.org_id, 'patient', patient_lock_key(v_patient)) and v_fresh;
        v_locked := v_appt.provider_id;
        select * into v_appt from appointments where id = p_appointment_id for update;
        -- Moved to another provider meanwhile (READ COMMITTED reads the row as it is now): that
        -- provider is not locked, and "keep the provider" would move it back.
        if v_appt.provider_id <> v_locked then
            raise sqlstate '40001';
        end if;
        v_provider := coalesce(p_new_provider, v_appt.provider_id);

        -- Answers that change nothing leave nothing behind either: not even the lock rows' new
        -- versions, which would make REPEATABLE READ callers of this schedule RETRY for nothing.
        if v_appt.status = v_target and p_action not in ('reschedule', 'reopen') then
            v_answer := jsonb_build_object('ok', true, 'appointment_id', v_appt.id, 'status', v_appt.status,
                                           'unchanged', true);
        elsif not (v_appt.status = any (v_allowed)) then
            v_answer := booking_error('INVALID_TRANSITION',
                format('cannot %s an appointment that is %s', replace(p_action, '_', ' '), v_appt.status),
                jsonb_build_object('status', v_appt.status));
        elsif p_action = 'check_in'
              and (v_appt.starts_at at time zone v_org.time_zone)::date <> (now() at time zone v_org.time_zone)::date then
            v_answer := booking_error('INVALID_TRANSITION', 'check in only on the appointment''s day',
                                      jsonb_build_object('status', v_appt.status));
        elsif p_action = 'no_show' and v_appt.starts_at > now() then
            v_answer := booking_error('INVALID_TRANSITION', 'a no-show is only known after the appointment''s start',
                                      jsonb_build_object('status', v_appt.status));
        elsif p_action = 'reopen' and v_appt.starts_at < now() then
            v_answer := booking_error('IN_THE_PAST', 'only a future appointment can be reopened');
        elsif p_action = 'reschedule' and not within_opening_hours(v_org, p_new_starts_at, p_new_ends_at) then
            v_answer := booking_error('OUTSIDE_HOURS', 'the clinic is closed at that time');
        end if;
        if v_answer is not null then
            raise sqlstate 'FD001';   -- rolls the block back; answered below
        end if;

        v_details := jsonb_build_object('from', v_appt.status, 'to', v_target);
        if p_action = 'reschedule' then
            v_details := v_details || jsonb_build_object(
                'old_starts_at', v_appt.starts_at, 'old_ends_at', v_appt.ends_at, 'old_provider_id', v_appt.provider_id,
                'starts_at', p_new_starts_at, 'ends_at', p_new_ends_at, 'provider_id', v_provider);
            -- A rescheduled or reopened appointment is placed anew: an overlap kept from before v7
            -- no longer excuses it.
            update appointments
            set starts_at = p_new_starts_at, ends_at = p_new_ends_at, provider_id = v_provider,
                status = 'booked', legacy_overlap = false, updated_at = now()
            where id = v_appt.id;
        elsif p_action = 'reopen' then
            update appointments set status = v_target, legacy_overlap = false, updated_at = now() where id = v_appt.id;
        else
            update appointments set status = v_target, updated_at = now() where id = v_appt.id;
            if p_reason is not null then
                v_details := v_details || jsonb_build_object('reason', p_reason);
            end if;
        end if;

        insert into events (org_id, kind, appointment_id, patient_id, details)
        values (v_appt.org_id, 'appointment.' || p_action, v_appt.id, v_appt.patient_id, v_details)
        returning id into v_event_id;
        perform pg_notify('frontdesk_changes', jsonb_build_object(
            'org_id', v_appt.org_id, 'event_id', v_event_id, 'appointment_id', v_appt.id)::text);
    exception
        when exclusion_violation then
            if not v_fresh then
                return retry_error();   -- alternatives from this snapshot could already be taken
            end if;
            get stacked diagnostics v_constraint = constraint_name;
            return overlap_refusal(v_constraint, v_appt.org_id, v_provider, v_appt.patient_id,
                                   coalesce(p_new_starts_at, v_appt.starts_at), coalesce(p_new_ends_at, v_appt.ends_at));
        when serialization_failure or deadlock_detected or lock_not_available then
            return retry_error();
        when sqlstate 'FD001' then
            return v_answer;
    end;
    return jsonb_build_object('ok', true, 'appointment_id', v_appt.id, 'status', v_target);
end;
$$;

-- ---- Follow-ups and notes, v7: the same transaction rules -------------------------------------------
create or replace function frontdesk.apply_follow_up_action(
    p_follow_up_id bigint, p_action text, p_outcome text default null, p_note text default null)
returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_item     follow_ups;
    v_mine     boolean;
    v_live     boolean;
    v_event_id bigint;
    v_refusal  jsonb;
begin
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    select * into v_item from follow_ups where id = p_follow_up_id;
    if v_item.id is null or not may_manage_appointments(v_item.org_id, false) then
        return booking_error('UNKNOWN_FOLLOW_UP', 'no such follow-up at this clinic');
    end if;
    if p_action = 'complete' then
        if p_outcome is null or p_outcome not in ('sent', 'failed', 'skipped') then
            return booking_error('INVALID_OUTCOME', 'the outcome is sent, failed or skipped');
        end if;
        p_note := nullif(btrim(p_note), '');
        if p_outcome <> 'sent' and p_note is null then
            return booking_error('NOTE_REQUIRED', 'say why it failed or was skipped');
        end if;
        if length(p_note) > 1000 then
            return booking_error('TEXT_TOO_LONG', 'a note is at most 1000 characters');
        end if;
    elsif p_action is null or p_action not in ('claim', 'release') then
        return booking_error('INVALID_ACTION', 'no such action: ' || coalesce(p_action, 'null'));
    end if;

    begin
        -- The item's row lock: two desks never both win.
        select * into v_item from follow_ups where id = p_follow_up_id for update;
        if v_item.status = 'done' then
            return booking_error('ALREADY_DONE', 'this follow-up was completed already',
                                 jsonb_build_object('completed_by', v_item.completed_by, 'outcome', v_item.outcome));
        end if;
        v_mine := v_item.status = 'claimed' and v_item.claimed_by = session_user;
        v_live := v_item.status = 'claimed' and v_item.claim_expires_at > now();

        if p_action = 'claim' then
            if v_live and not v_mine then
                return booking_error('CLAIMED_BY_OTHER', 'another desk is working on this follow-up',
                                     jsonb_build_object('claimed_by', v_item.claimed_by,
                                                        'claim_expires_at', v_item.claim_expires_at));
            end if;
            update follow_ups
            set status = 'claimed', claimed_by = session_user, claimed_at = now(),
                claim_expires_at = now() + interval '10 minutes'
            where id = v_item.id;
        elsif p_action = 'release' then
            if not v_mine then
                return booking_error('NOT_CLAIMED', 'claim the follow-up first');
            end if;
            update follow_ups set status = 'pending', claimed_by = null, claimed_at = null, claim_expires_at = null
            where id = v_item.id;
        else
            -- The claimer completes, even after the claim ran out, unless another desk claimed since.
            if not v_mine then
                return booking_error('NOT_CLAIMED', 'claim the follow-up before completing it');
            end if;
            update follow_ups
            set status = 'done', outcome = p_outcome, note = p_note, completed_by = session_user, completed_at = now()
            where id = v_item.id;
        end if;

        insert into events (org_id, kind, appointment_id, details)
        values (v_item.org_id, 'follow_up.' || p_action, v_item.appointment_id,
                jsonb_strip_nulls(jsonb_build_object('follow_up_id', v_item.id, 'kind', v_item.kind,
                                                     'outcome', p_outcome, 'note', p_note)))
        returning id into v_event_id;
        perform pg_notify('frontdesk_changes', jsonb_build_object(
            'org_id', v_item.org_id, 'event_id', v_event_id, 'appointment_id', v_item.appointment_id)::text);
    exception
        when serialization_failure or deadlock_detected or lock_not_available then
            return retry_error();
    end;
    return jsonb_build_object('ok', true, 'follow_up_id', v_item.id,
                              'status', (select status from follow_ups where id = v_item.id));
end;
$$;

create or replace function frontdesk.record_interaction(p_patient_id bigint, p_kind text, p_body text, p_appointment_id bigint)
returns jsonb
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_patient  patients;
    v_id       bigint;
    v_event_id bigint;
    v_refusal  jsonb;
begin
    v_refusal := write_refusal();
    if v_refusal is not null then
        return v_refusal;
    end if;
    select * into v_patient from patients where id = p_patient_id;
    if v_patient.id is null
       or (p_kind = 'staff_note' and not may_manage_appointments(v_patient.org_id, false))
       or (p_kind = 'ai_call' and not (is_admin() or exists (
               select 1 from agent_grants where login = session_user and org_id = v_patient.org_id))) then
        return booking_error('UNKNOWN_PATIENT', 'no such patient at this clinic');
    end if;
    if length(p_body) > 40000 then
        return booking_error('TEXT_TOO_LONG', 'a note is at most 4000 characters');
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
    begin
        insert into interactions (org_id, patient_id, appointment_id, kind, body)
        values (v_patient.org_id, v_patient.id, p_appointment_id, p_kind, p_body)
        returning id into v_id;
        insert into events (org_id, kind, appointment_id, patient_id, details)
        values (v_patient.org_id, 'patient.' || p_kind, p_appointment_id, v_patient.id,
                jsonb_build_object('interaction_id', v_id))
        returning id into v_event_id;
        perform pg_notify('frontdesk_changes', jsonb_build_object(
            'org_id', v_patient.org_id, 'event_id', v_event_id, 'appointment_id', p_appointment_id)::text);
    exception
        when serialization_failure or deadlock_detected or lock_not_available then
            return retry_error();
    end;
    return jsonb_build_object('ok', true, 'interaction_id', v_id);
end;
$$;

-- ---- Reads: bounded input ---------------------------------------------------------------------------
-- A cursor is a pg_snapshot's text; anything else, of any size, answers INVALID_CURSOR.
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
    -- One statement, so the events read and the cursor handed out come from one snapshot.
    return (
        select jsonb_build_object(
            'ok', true,
            'cursor', pg_current_snapshot()::text,
            'events', coalesce(jsonb_agg(jsonb_build_object(
                'id', e.id, 'kind', e.kind, 'appointment_id', e.appointment_id,
                'patient_id', e.patient_id, 'occurred_at', e.occurred_at) order by e.id)
                filter (where e.id is not null), '[]'))
        from (select 1) anchor
        left join events e
          on v_previous is not null
         and e.org_id = p_org_id
         and e.xact_id >= pg_snapshot_xmin(v_previous)
         and not pg_visible_in_snapshot(e.xact_id, v_previous));
end;
$$;

-- Search as you type: what was typed is at most 100 characters (longer finds nothing), so a
-- pasted page of text never runs a similarity over every patient.
create or replace function frontdesk.search_patients(p_org_id bigint, p_query text, p_limit integer default 20)
returns table (patient_id bigint, full_name text, phone text, email text, next_appointment timestamptz,
               last_appointment timestamptz)
language sql stable
set search_path = frontdesk, pg_temp
as $$
    with q as (
        select btrim(p_query) as text,
               regexp_replace(p_query, '[^0-9]', '', 'g') as digits,
               -- What was typed, as a LIKE pattern that matches it literally.
               '%' || regexp_replace(lower(btrim(p_query)), '([\\%_])', '\\\1', 'g') || '%' as pattern
        where length(p_query) <= 100
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

-- ---- Disabling a login: at once, in open transactions too ------------------------------------------
-- v2 relied on my_org_ids() reading `active`, which a transaction begun earlier reads through its
-- old snapshot (REPEATABLE READ). Now the login also loses its group role (every privilege) and
-- its open sessions are ended, so no transaction begun before the disabling goes on.
create or replace function frontdesk.admin_disable_staff(p_login text)
returns void
language plpgsql
set search_path = frontdesk, pg_temp
as $$
declare
    v_org_id bigint;
    v_kind   text;
begin
    if not is_admin() then
        raise exception 'only the Frontdesk owner may disable staff logins' using errcode = 'insufficient_privilege';
    end if;
    update staff set active = false where login = p_login returning org_id, kind into v_org_id, v_kind;
    if v_org_id is null then
        raise exception 'UNKNOWN_STAFF: no staff login %', p_login using errcode = 'no_data_found';
    end if;
    execute format('alter role %I nologin', p_login);
    execute format('revoke %I from %I', 'frontdesk_' || v_kind, p_login);
    -- Ending another role's session needs that role's privileges; a CREATEROLE owner may grant
    -- itself any role that is not a superuser.
    if not pg_catalog.pg_has_role(current_user, p_login, 'USAGE') then
        execute format('grant %I to %I', p_login, current_user);
    end if;
    perform pg_catalog.pg_terminate_backend(pid, 5000)
    from pg_catalog.pg_stat_activity
    where usename = p_login and pid <> pg_catalog.pg_backend_pid();
    insert into events (org_id, kind, details)
    values (v_org_id, 'staff.disabled', jsonb_build_object('login', p_login));
end;
$$;

-- Logins disabled before v7 lose their group role as well.
do $$
declare
    v_staff record;
begin
    for v_staff in
        select s.login, s.kind from frontdesk.staff s
        join pg_catalog.pg_roles r on r.rolname = s.login
        where not s.active
    loop
        execute format('revoke %I from %I', 'frontdesk_' || v_staff.kind, v_staff.login);
    end loop;
end;
$$;

-- ---- Privileges -------------------------------------------------------------------------------------
-- Nothing new is for clients to call directly; the tables are the owner's functions' alone.
revoke all on frontdesk.booking_locks, frontdesk.name_characters from public;
revoke all on function frontdesk.take_booking_lock(bigint, text, text), frontdesk.patient_lock_key(text),
                       frontdesk.write_refusal(), frontdesk.retry_error(),
                       frontdesk.appointment_time_refusal(timestamptz, timestamptz),
                       frontdesk.name_character_kind(text),
                       frontdesk.nearest_free_slots(bigint, bigint, timestamptz, interval, bigint, integer),
                       frontdesk.overlap_refusal(text, bigint, bigint, bigint, timestamptz, timestamptz)
    from public;
