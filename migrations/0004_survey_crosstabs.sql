CREATE TABLE `survey_crosstabs` (
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`import_id` text NOT NULL,
	`segment` integer NOT NULL,
	`aspect` text NOT NULL,
	`rating` real NOT NULL,
	`outcome` real NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `customer_id`, `import_id`, `segment`, `aspect`, `rating`, `outcome`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `survey_imports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_outcome_counts` (
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`import_id` text NOT NULL,
	`segment` integer NOT NULL,
	`has_outcome` integer NOT NULL,
	`outcome` real NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `customer_id`, `import_id`, `segment`, `has_outcome`, `outcome`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `survey_imports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;

--> statement-breakpoint
-- Fill the tables from the responses stored so far: SURVEY_CROSSTABS_BACKFILL in
-- src/storage/repositories/survey-crosstabs.ts, which a test holds equal to these statements.
INSERT INTO survey_crosstabs (tenant_id, customer_id, import_id, segment, aspect, rating,
  outcome, count)
SELECT r.tenant_id, '', r.import_id, COALESCE(r.core_growth, c.core_growth, -1), j.key, j.value, r.outcome, COUNT(*)
FROM survey_responses r
JOIN survey_imports i ON i.id = r.import_id AND i.tenant_id = r.tenant_id
LEFT JOIN customers c ON r.core_growth IS NULL AND c.id = r.customer_id
  AND c.tenant_id = r.tenant_id
JOIN json_each(r.ratings) j
WHERE abs(r.outcome) < 9e999 AND j.type IN ('integer', 'real') AND abs(j.value) < 9e999
  AND (i.na_value IS NULL OR j.value <> i.na_value)
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO survey_crosstabs (tenant_id, customer_id, import_id, segment, aspect, rating,
  outcome, count)
SELECT r.tenant_id, c.id, r.import_id, COALESCE(r.core_growth, c.core_growth, -1), j.key, j.value, r.outcome, COUNT(*)
FROM survey_responses r
JOIN survey_imports i ON i.id = r.import_id AND i.tenant_id = r.tenant_id
LEFT JOIN customers c ON r.core_growth IS NULL AND c.id = r.customer_id
  AND c.tenant_id = r.tenant_id
JOIN json_each(r.ratings) j
WHERE abs(r.outcome) < 9e999 AND j.type IN ('integer', 'real') AND abs(j.value) < 9e999
  AND (i.na_value IS NULL OR j.value <> i.na_value) AND c.id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO survey_outcome_counts (tenant_id, customer_id, import_id, segment, has_outcome,
  outcome, count)
SELECT r.tenant_id, '', r.import_id, COALESCE(r.core_growth, c.core_growth, -1), COALESCE(abs(r.outcome) < 9e999, 0),
  CASE WHEN abs(r.outcome) < 9e999 THEN r.outcome ELSE 0 END, COUNT(*)
FROM survey_responses r
JOIN survey_imports i ON i.id = r.import_id AND i.tenant_id = r.tenant_id
LEFT JOIN customers c ON r.core_growth IS NULL AND c.id = r.customer_id
  AND c.tenant_id = r.tenant_id
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO survey_outcome_counts (tenant_id, customer_id, import_id, segment, has_outcome,
  outcome, count)
SELECT r.tenant_id, c.id, r.import_id, COALESCE(r.core_growth, c.core_growth, -1), COALESCE(abs(r.outcome) < 9e999, 0),
  CASE WHEN abs(r.outcome) < 9e999 THEN r.outcome ELSE 0 END, COUNT(*)
FROM survey_responses r
JOIN survey_imports i ON i.id = r.import_id AND i.tenant_id = r.tenant_id
LEFT JOIN customers c ON r.core_growth IS NULL AND c.id = r.customer_id
  AND c.tenant_id = r.tenant_id
WHERE c.id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- Responses without a flag of their own follow their customer's flag: SURVEY_CROSSTABS_TRIGGERS.
CREATE TRIGGER survey_crosstabs_customer_flag AFTER UPDATE OF core_growth ON customers
WHEN OLD.core_growth IS NOT NEW.core_growth AND EXISTS (SELECT 1 FROM survey_outcome_counts WHERE tenant_id = NEW.tenant_id
    AND customer_id = NEW.id)
BEGIN
  INSERT INTO survey_crosstabs (tenant_id, customer_id, import_id, segment, aspect, rating, outcome, count)
    SELECT tenant_id, '', import_id, m.segment, aspect, rating, outcome, m.sign * count
    FROM survey_crosstabs, (SELECT NEW.core_growth AS segment, 1 AS sign UNION ALL SELECT OLD.core_growth, -1) m
    WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id
    ON CONFLICT (tenant_id, customer_id, import_id, segment, aspect, rating, outcome)
    DO UPDATE SET count = count + excluded.count;
  DELETE FROM survey_crosstabs WHERE tenant_id = NEW.tenant_id AND customer_id = '' AND count = 0;
  INSERT INTO survey_outcome_counts (tenant_id, customer_id, import_id, segment, has_outcome, outcome, count)
    SELECT tenant_id, '', import_id, m.segment, has_outcome, outcome, m.sign * count
    FROM survey_outcome_counts, (SELECT NEW.core_growth AS segment, 1 AS sign UNION ALL SELECT OLD.core_growth, -1) m
    WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id
    ON CONFLICT (tenant_id, customer_id, import_id, segment, has_outcome, outcome)
    DO UPDATE SET count = count + excluded.count;
  DELETE FROM survey_outcome_counts WHERE tenant_id = NEW.tenant_id AND customer_id = '' AND count = 0;
  UPDATE survey_crosstabs SET segment = NEW.core_growth
    WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id;
  UPDATE survey_outcome_counts SET segment = NEW.core_growth
    WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER survey_crosstabs_customer_gone AFTER DELETE ON customers
WHEN EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id) AND EXISTS (SELECT 1 FROM survey_outcome_counts WHERE tenant_id = OLD.tenant_id
    AND customer_id = OLD.id)
BEGIN
  INSERT INTO survey_crosstabs (tenant_id, customer_id, import_id, segment, aspect, rating, outcome, count)
    SELECT tenant_id, '', import_id, m.segment, aspect, rating, outcome, m.sign * count
    FROM survey_crosstabs, (SELECT -1 AS segment, 1 AS sign UNION ALL SELECT OLD.core_growth, -1) m
    WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id
    ON CONFLICT (tenant_id, customer_id, import_id, segment, aspect, rating, outcome)
    DO UPDATE SET count = count + excluded.count;
  DELETE FROM survey_crosstabs WHERE tenant_id = OLD.tenant_id AND customer_id = '' AND count = 0;
  INSERT INTO survey_outcome_counts (tenant_id, customer_id, import_id, segment, has_outcome, outcome, count)
    SELECT tenant_id, '', import_id, m.segment, has_outcome, outcome, m.sign * count
    FROM survey_outcome_counts, (SELECT -1 AS segment, 1 AS sign UNION ALL SELECT OLD.core_growth, -1) m
    WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id
    ON CONFLICT (tenant_id, customer_id, import_id, segment, has_outcome, outcome)
    DO UPDATE SET count = count + excluded.count;
  DELETE FROM survey_outcome_counts WHERE tenant_id = OLD.tenant_id AND customer_id = '' AND count = 0;
  DELETE FROM survey_crosstabs WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id;
  DELETE FROM survey_outcome_counts WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id;
END;
