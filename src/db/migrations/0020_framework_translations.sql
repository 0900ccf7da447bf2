-- A framework's title and its factors' names in other languages, so that reviews and briefs in French or
-- Arabic name the risk factors in the reader's language. Descriptions, indicators and guidance stay in the
-- framework's own language. Factor names live in each factor (`translations` in the factors jsonb).
ALTER TABLE frameworks ADD COLUMN title_translations jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The official French and Arabic names of the UN Framework of Analysis for Atrocity Crimes (2014).
UPDATE frameworks
SET title_translations = '{"fr": "Cadre d''analyse des atrocités criminelles", "ar": "إطار تحليل الجرائم الفظيعة"}'::jsonb,
  factors = (
    SELECT jsonb_agg(
      factor || jsonb_build_object('translations', coalesce(names.translations, '{}'::jsonb))
      ORDER BY position
    )
    FROM jsonb_array_elements(frameworks.factors) WITH ORDINALITY AS f (factor, position)
    LEFT JOIN (VALUES
      ('1', '{"fr": "Situations de conflit armé ou d''autres formes d''instabilité", "ar": "حالات النزاع المسلح أو غيرها من أشكال عدم الاستقرار"}'::jsonb),
      ('2', '{"fr": "Antécédents de violations graves du droit international des droits de l''homme et du droit international humanitaire", "ar": "سجل الانتهاكات الجسيمة للقانون الدولي لحقوق الإنسان والقانون الإنساني الدولي"}'::jsonb),
      ('3', '{"fr": "Faiblesse des structures étatiques", "ar": "ضعف هياكل الدولة"}'::jsonb),
      ('4', '{"fr": "Motifs ou incitations", "ar": "الدوافع أو الحوافز"}'::jsonb),
      ('5', '{"fr": "Capacité de commettre des atrocités criminelles", "ar": "القدرة على ارتكاب الجرائم الفظيعة"}'::jsonb),
      ('6', '{"fr": "Absence de facteurs atténuants", "ar": "غياب العوامل المخففة"}'::jsonb),
      ('7', '{"fr": "Circonstances favorables ou actes préparatoires", "ar": "الظروف المواتية أو الأعمال التحضيرية"}'::jsonb),
      ('8', '{"fr": "Facteurs déclencheurs", "ar": "العوامل المُطلِقة"}'::jsonb),
      ('9', '{"fr": "Tensions entre groupes ou schémas de discrimination à l''égard de groupes protégés", "ar": "التوترات بين الجماعات أو أنماط التمييز ضد الجماعات المحمية"}'::jsonb),
      ('10', '{"fr": "Signes d''une intention de détruire en tout ou en partie un groupe protégé", "ar": "دلائل على نية التدمير الكلي أو الجزئي لجماعة محمية"}'::jsonb),
      ('11', '{"fr": "Signes d''une attaque généralisée ou systématique contre une population civile", "ar": "دلائل على هجوم واسع النطاق أو منهجي ضد أي مجموعة من السكان المدنيين"}'::jsonb),
      ('12', '{"fr": "Signes d''un plan ou d''une politique visant à attaquer une population civile", "ar": "دلائل على خطة أو سياسة لمهاجمة أي مجموعة من السكان المدنيين"}'::jsonb),
      ('13', '{"fr": "Menaces graves contre les personnes protégées par le droit international humanitaire", "ar": "تهديدات خطيرة للأشخاص المحميين بموجب القانون الإنساني الدولي"}'::jsonb),
      ('14', '{"fr": "Menaces graves contre les opérations humanitaires ou de maintien de la paix", "ar": "تهديدات خطيرة للعمليات الإنسانية أو عمليات حفظ السلام"}'::jsonb)
    ) AS names (code, translations) ON names.code = factor ->> 'code'
  )
WHERE slug = 'un-atrocity-crimes' AND version = '2014';
