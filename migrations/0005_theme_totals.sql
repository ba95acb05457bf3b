CREATE TABLE `theme_customer_issues` (
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`key_driver_id` text NOT NULL,
	`issue_count` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `theme_id`, `customer_id`, `key_driver_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `theme_driver_totals` (
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`key_driver_id` text NOT NULL,
	`issue_count` integer NOT NULL,
	`customer_cost_cents` integer NOT NULL,
	`company_cost_cents` integer NOT NULL,
	`affected_customers` integer NOT NULL,
	`affected_revenue_cents` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `theme_id`, `key_driver_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `theme_totals` (
	`tenant_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`issue_count` integer NOT NULL,
	`customer_cost_cents` integer NOT NULL,
	`company_cost_cents` integer NOT NULL,
	`affected_customers` integer NOT NULL,
	`affected_revenue_cents` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `theme_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
-- Custom SQL from here (src/storage/schema/theme-totals.ts says who maintains what).
-- A (theme, customer, key driver) pair appearing or going changes the distinct customers of
-- its (theme, driver) row, and of its theme row when no other driver still holds the pair.
CREATE TRIGGER `theme_customer_issues_after_insert` AFTER INSERT ON `theme_customer_issues` BEGIN
  UPDATE theme_driver_totals SET affected_customers = affected_customers + 1,
    affected_revenue_cents = affected_revenue_cents + COALESCE((SELECT annual_revenue_cents
      FROM customers WHERE id = NEW.customer_id AND tenant_id = NEW.tenant_id), 0)
  WHERE tenant_id = NEW.tenant_id AND theme_id = NEW.theme_id AND key_driver_id = NEW.key_driver_id;
  UPDATE theme_totals SET affected_customers = affected_customers + 1,
    affected_revenue_cents = affected_revenue_cents + COALESCE((SELECT annual_revenue_cents
      FROM customers WHERE id = NEW.customer_id AND tenant_id = NEW.tenant_id), 0)
  WHERE tenant_id = NEW.tenant_id AND theme_id = NEW.theme_id
    AND NOT EXISTS (SELECT 1 FROM theme_customer_issues WHERE tenant_id = NEW.tenant_id
      AND theme_id = NEW.theme_id AND customer_id = NEW.customer_id
      AND key_driver_id <> NEW.key_driver_id);
END;
--> statement-breakpoint
-- When a customer is deleted its row is gone before ON DELETE SET NULL reaches the issues,
-- so the revenue looked up here is 0: customers_before_delete has already subtracted it.
CREATE TRIGGER `theme_customer_issues_after_delete` AFTER DELETE ON `theme_customer_issues` BEGIN
  UPDATE theme_driver_totals SET affected_customers = affected_customers - 1,
    affected_revenue_cents = affected_revenue_cents - COALESCE((SELECT annual_revenue_cents
      FROM customers WHERE id = OLD.customer_id AND tenant_id = OLD.tenant_id), 0)
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND key_driver_id = OLD.key_driver_id;
  UPDATE theme_totals SET affected_customers = affected_customers - 1,
    affected_revenue_cents = affected_revenue_cents - COALESCE((SELECT annual_revenue_cents
      FROM customers WHERE id = OLD.customer_id AND tenant_id = OLD.tenant_id), 0)
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id
    AND NOT EXISTS (SELECT 1 FROM theme_customer_issues WHERE tenant_id = OLD.tenant_id
      AND theme_id = OLD.theme_id AND customer_id = OLD.customer_id);
END;
--> statement-breakpoint
-- Existing issues, with the same statements the issue repository runs for each new batch.
INSERT INTO theme_totals (tenant_id, theme_id, issue_count, customer_cost_cents,
  company_cost_cents, affected_customers, affected_revenue_cents)
SELECT tenant_id, theme_id, COUNT(*), COALESCE(SUM(customer_cost_cents), 0),
  COALESCE(SUM(company_cost_cents), 0), 0, 0
FROM issues GROUP BY tenant_id, theme_id;
--> statement-breakpoint
INSERT INTO theme_driver_totals (tenant_id, theme_id, key_driver_id, issue_count,
  customer_cost_cents, company_cost_cents, affected_customers, affected_revenue_cents)
SELECT tenant_id, theme_id, COALESCE(key_driver_id, ''), COUNT(*),
  COALESCE(SUM(customer_cost_cents), 0), COALESCE(SUM(company_cost_cents), 0), 0, 0
FROM issues GROUP BY tenant_id, theme_id, COALESCE(key_driver_id, '');
--> statement-breakpoint
INSERT INTO theme_customer_issues (tenant_id, theme_id, customer_id, key_driver_id, issue_count)
SELECT tenant_id, theme_id, customer_id, COALESCE(key_driver_id, ''), COUNT(*)
FROM issues WHERE customer_id IS NOT NULL
GROUP BY tenant_id, theme_id, customer_id, COALESCE(key_driver_id, '');
--> statement-breakpoint
-- Every later change to an issue's theme, driver, customer or costs (theme merges, ON DELETE
-- SET NULL from key drivers and customers) moves it out of its old rows and into its new ones.
CREATE TRIGGER `issues_theme_totals_after_update`
AFTER UPDATE OF tenant_id, theme_id, key_driver_id, customer_id, customer_cost_cents,
  company_cost_cents ON `issues`
WHEN OLD.tenant_id IS NOT NEW.tenant_id OR OLD.theme_id IS NOT NEW.theme_id
  OR OLD.key_driver_id IS NOT NEW.key_driver_id OR OLD.customer_id IS NOT NEW.customer_id
  OR OLD.customer_cost_cents IS NOT NEW.customer_cost_cents
  OR OLD.company_cost_cents IS NOT NEW.company_cost_cents
BEGIN
  UPDATE theme_customer_issues SET issue_count = issue_count - 1
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND customer_id = OLD.customer_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '');
  DELETE FROM theme_customer_issues
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND customer_id = OLD.customer_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '') AND issue_count = 0;
  UPDATE theme_driver_totals SET issue_count = issue_count - 1,
    customer_cost_cents = customer_cost_cents - COALESCE(OLD.customer_cost_cents, 0),
    company_cost_cents = company_cost_cents - COALESCE(OLD.company_cost_cents, 0)
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '');
  DELETE FROM theme_driver_totals
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '') AND issue_count = 0;
  UPDATE theme_totals SET issue_count = issue_count - 1,
    customer_cost_cents = customer_cost_cents - COALESCE(OLD.customer_cost_cents, 0),
    company_cost_cents = company_cost_cents - COALESCE(OLD.company_cost_cents, 0)
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id;
  DELETE FROM theme_totals
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND issue_count = 0;
  INSERT INTO theme_totals (tenant_id, theme_id, issue_count, customer_cost_cents,
    company_cost_cents, affected_customers, affected_revenue_cents)
  VALUES (NEW.tenant_id, NEW.theme_id, 1, COALESCE(NEW.customer_cost_cents, 0),
    COALESCE(NEW.company_cost_cents, 0), 0, 0)
  ON CONFLICT DO UPDATE SET issue_count = issue_count + 1,
    customer_cost_cents = customer_cost_cents + excluded.customer_cost_cents,
    company_cost_cents = company_cost_cents + excluded.company_cost_cents;
  INSERT INTO theme_driver_totals (tenant_id, theme_id, key_driver_id, issue_count,
    customer_cost_cents, company_cost_cents, affected_customers, affected_revenue_cents)
  VALUES (NEW.tenant_id, NEW.theme_id, COALESCE(NEW.key_driver_id, ''), 1,
    COALESCE(NEW.customer_cost_cents, 0), COALESCE(NEW.company_cost_cents, 0), 0, 0)
  ON CONFLICT DO UPDATE SET issue_count = issue_count + 1,
    customer_cost_cents = customer_cost_cents + excluded.customer_cost_cents,
    company_cost_cents = company_cost_cents + excluded.company_cost_cents;
  INSERT INTO theme_customer_issues (tenant_id, theme_id, customer_id, key_driver_id, issue_count)
  SELECT NEW.tenant_id, NEW.theme_id, NEW.customer_id, COALESCE(NEW.key_driver_id, ''), 1
  WHERE NEW.customer_id IS NOT NULL
  ON CONFLICT DO UPDATE SET issue_count = issue_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `issues_theme_totals_after_delete` AFTER DELETE ON `issues` BEGIN
  UPDATE theme_customer_issues SET issue_count = issue_count - 1
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND customer_id = OLD.customer_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '');
  DELETE FROM theme_customer_issues
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND customer_id = OLD.customer_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '') AND issue_count = 0;
  UPDATE theme_driver_totals SET issue_count = issue_count - 1,
    customer_cost_cents = customer_cost_cents - COALESCE(OLD.customer_cost_cents, 0),
    company_cost_cents = company_cost_cents - COALESCE(OLD.company_cost_cents, 0)
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '');
  DELETE FROM theme_driver_totals
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id
    AND key_driver_id = COALESCE(OLD.key_driver_id, '') AND issue_count = 0;
  UPDATE theme_totals SET issue_count = issue_count - 1,
    customer_cost_cents = customer_cost_cents - COALESCE(OLD.customer_cost_cents, 0),
    company_cost_cents = company_cost_cents - COALESCE(OLD.company_cost_cents, 0)
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id;
  DELETE FROM theme_totals
  WHERE tenant_id = OLD.tenant_id AND theme_id = OLD.theme_id AND issue_count = 0;
END;
--> statement-breakpoint
-- Revenue is read from customers when a pair appears, so a change of revenue is applied to
-- every row the customer is counted in. Each theme row probes the pair table's primary key.
CREATE TRIGGER `customers_theme_totals_after_update` AFTER UPDATE OF annual_revenue_cents ON `customers`
WHEN OLD.annual_revenue_cents IS NOT NEW.annual_revenue_cents BEGIN
  UPDATE theme_driver_totals SET affected_revenue_cents = affected_revenue_cents
    + COALESCE(NEW.annual_revenue_cents, 0) - COALESCE(OLD.annual_revenue_cents, 0)
  WHERE tenant_id = NEW.tenant_id AND EXISTS (SELECT 1 FROM theme_customer_issues p
    WHERE p.tenant_id = NEW.tenant_id AND p.theme_id = theme_driver_totals.theme_id
      AND p.customer_id = NEW.id AND p.key_driver_id = theme_driver_totals.key_driver_id);
  UPDATE theme_totals SET affected_revenue_cents = affected_revenue_cents
    + COALESCE(NEW.annual_revenue_cents, 0) - COALESCE(OLD.annual_revenue_cents, 0)
  WHERE tenant_id = NEW.tenant_id AND EXISTS (SELECT 1 FROM theme_customer_issues p
    WHERE p.tenant_id = NEW.tenant_id AND p.theme_id = theme_totals.theme_id
      AND p.customer_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_theme_totals_before_delete` BEFORE DELETE ON `customers` BEGIN
  UPDATE theme_driver_totals
  SET affected_revenue_cents = affected_revenue_cents - COALESCE(OLD.annual_revenue_cents, 0)
  WHERE tenant_id = OLD.tenant_id AND EXISTS (SELECT 1 FROM theme_customer_issues p
    WHERE p.tenant_id = OLD.tenant_id AND p.theme_id = theme_driver_totals.theme_id
      AND p.customer_id = OLD.id AND p.key_driver_id = theme_driver_totals.key_driver_id);
  UPDATE theme_totals
  SET affected_revenue_cents = affected_revenue_cents - COALESCE(OLD.annual_revenue_cents, 0)
  WHERE tenant_id = OLD.tenant_id AND EXISTS (SELECT 1 FROM theme_customer_issues p
    WHERE p.tenant_id = OLD.tenant_id AND p.theme_id = theme_totals.theme_id
      AND p.customer_id = OLD.id);
END;
