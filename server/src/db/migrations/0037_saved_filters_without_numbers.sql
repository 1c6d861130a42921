-- Whole ID and phone numbers are never kept in a saved filter; a phone's last four digits become phoneTail.
UPDATE saved_filters
   SET params = (params - 'idNumber' - 'idTail' - 'phone')
       || CASE WHEN params->>'phone' ~ '^\d{4}$' THEN jsonb_build_object('phoneTail', params->>'phone') ELSE '{}'::jsonb END
 WHERE list = 'persons' AND params ?| array['idNumber', 'idTail', 'phone'];
