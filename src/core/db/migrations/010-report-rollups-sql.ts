/*
 * FROZEN SQL of migration 10 exactly as it shipped (generated then by src/core/reports/rollups.ts,
 * copied here so today's rollup code never changes an old upgrade): the rollup tables, the sum of
 * the ledgers into them, then the triggers that keep them. Never edit.
 */

export const REPORT_ROLLUPS_V10_TABLES = `CREATE TABLE report_payments_hourly (
    dim TEXT NOT NULL,
    value TEXT NOT NULL,
    hour TEXT NOT NULL,
    tender TEXT NOT NULL,
    ticket_category TEXT NOT NULL,
    n INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (dim, value, hour, tender, ticket_category)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_payments_hourly_combo (
    hour TEXT NOT NULL,
    tech_id TEXT NOT NULL,
    category TEXT NOT NULL,
    brand TEXT NOT NULL,
    service_type TEXT NOT NULL,
    tender TEXT NOT NULL,
    ticket_category TEXT NOT NULL,
    n INTEGER NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (hour, tech_id, category, brand, service_type, tender, ticket_category)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_parts_hourly (
    dim TEXT NOT NULL,
    value TEXT NOT NULL,
    hour TEXT NOT NULL,
    part_category TEXT NOT NULL,
    moves INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    qty INTEGER NOT NULL,
    cost_fen INTEGER NOT NULL,
    PRIMARY KEY (dim, value, hour, part_category)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_parts_hourly_combo (
    hour TEXT NOT NULL,
    tech_id TEXT NOT NULL,
    category TEXT NOT NULL,
    brand TEXT NOT NULL,
    service_type TEXT NOT NULL,
    part_category TEXT NOT NULL,
    moves INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    qty INTEGER NOT NULL,
    cost_fen INTEGER NOT NULL,
    PRIMARY KEY (hour, tech_id, category, brand, service_type, part_category)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_follow_ups_daily (
    dim TEXT NOT NULL,
    value TEXT NOT NULL,
    due_date TEXT NOT NULL,
    status TEXT NOT NULL,
    reached INTEGER NOT NULL,
    score INTEGER NOT NULL,
    problem INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (dim, value, due_date, status, reached, score, problem)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_follow_ups_daily_combo (
    due_date TEXT NOT NULL,
    tech_id TEXT NOT NULL,
    category TEXT NOT NULL,
    brand TEXT NOT NULL,
    service_type TEXT NOT NULL,
    status TEXT NOT NULL,
    reached INTEGER NOT NULL,
    score INTEGER NOT NULL,
    problem INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (due_date, tech_id, category, brand, service_type, status, reached, score, problem)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_time_hourly (
    dim TEXT NOT NULL,
    value TEXT NOT NULL,
    hour TEXT NOT NULL,
    user_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    PRIMARY KEY (dim, value, hour, user_id)
  ) STRICT, WITHOUT ROWID;
CREATE TABLE report_time_hourly_combo (
    hour TEXT NOT NULL,
    tech_id TEXT NOT NULL,
    category TEXT NOT NULL,
    brand TEXT NOT NULL,
    service_type TEXT NOT NULL,
    user_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    PRIMARY KEY (hour, tech_id, category, brand, service_type, user_id)
  ) STRICT, WITHOUT ROWID;`;

export const REPORT_ROLLUPS_V10_SUMS: readonly string[] = [
  `DELETE FROM report_payments_hourly`,
  `INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(p.at, 1, 13), p.tender, coalesce(f.category, ''), count(*), sum(p.amount_fen)
    FROM payments p LEFT JOIN report_facts f ON f.ticket_id = p.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;`,
  `DELETE FROM report_payments_hourly_combo`,
  `INSERT INTO report_payments_hourly_combo (hour, tech_id, category, brand, service_type, tender, ticket_category, n, amount_fen) SELECT substr(p.at, 1, 13), f.tech_id, f.category, lower(f.brand), f.service_type, p.tender, coalesce(f.category, ''), count(*), sum(p.amount_fen)
      FROM payments p JOIN report_facts f ON f.ticket_id = p.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (hour, tech_id, category, brand, service_type, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;`,
  `DELETE FROM report_parts_hourly`,
  `INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(m.at, 1, 13), coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id LEFT JOIN report_facts f ON f.ticket_id = m.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;`,
  `DELETE FROM report_parts_hourly_combo`,
  `INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), f.tech_id, f.category, lower(f.brand), f.service_type, coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id JOIN report_facts f ON f.ticket_id = m.ticket_id
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;`,
  `DELETE FROM report_follow_ups_daily`,
  `INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
    FROM follow_ups u LEFT JOIN report_facts f ON f.ticket_id = u.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;`,
  `DELETE FROM report_follow_ups_daily_combo`,
  `INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, f.tech_id, f.category, lower(f.brand), f.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
      FROM follow_ups u JOIN report_facts f ON f.ticket_id = u.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;`,
  `DELETE FROM report_time_hourly`,
  `INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(l.started_at, 1, 13), l.user_id, count(*), sum(l.minutes)
    FROM time_logs l LEFT JOIN report_facts f ON f.ticket_id = l.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;`,
  `DELETE FROM report_time_hourly_combo`,
  `INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, f.category, lower(f.brand), f.service_type, l.user_id, count(*), sum(l.minutes)
      FROM time_logs l JOIN report_facts f ON f.ticket_id = l.ticket_id
      WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;`,
];

export const REPORT_ROLLUPS_V10_TRIGGERS = `
  CREATE TRIGGER report_rollup_payment AFTER INSERT ON payments BEGIN
    INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(p.at, 1, 13), p.tender, coalesce(f.category, ''), count(*), sum(p.amount_fen)
    FROM (SELECT NEW.ticket_id AS ticket_id, NEW.at AS at, NEW.tender AS tender, NEW.amount_fen AS amount_fen) p LEFT JOIN report_facts f ON f.ticket_id = p.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly_combo (hour, tech_id, category, brand, service_type, tender, ticket_category, n, amount_fen) SELECT substr(p.at, 1, 13), f.tech_id, f.category, lower(f.brand), f.service_type, p.tender, coalesce(f.category, ''), count(*), sum(p.amount_fen)
      FROM (SELECT NEW.ticket_id AS ticket_id, NEW.at AS at, NEW.tender AS tender, NEW.amount_fen AS amount_fen) p JOIN report_facts f ON f.ticket_id = p.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (hour, tech_id, category, brand, service_type, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
  END;
  CREATE TRIGGER report_rollup_movement AFTER INSERT ON stock_movements WHEN NEW.ticket_id IS NOT NULL AND NEW.kind IN ('issue', 'return') BEGIN
    INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(m.at, 1, 13), coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
    FROM (SELECT NEW.ticket_id AS ticket_id, NEW.at AS at, NEW.kind AS kind, NEW.qty AS qty, NEW.unit_cost AS unit_cost, NEW.part_id AS part_id) m LEFT JOIN parts pt ON pt.id = m.part_id LEFT JOIN report_facts f ON f.ticket_id = m.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), f.tech_id, f.category, lower(f.brand), f.service_type, coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
      FROM (SELECT NEW.ticket_id AS ticket_id, NEW.at AS at, NEW.kind AS kind, NEW.qty AS qty, NEW.unit_cost AS unit_cost, NEW.part_id AS part_id) m LEFT JOIN parts pt ON pt.id = m.part_id JOIN report_facts f ON f.ticket_id = m.ticket_id
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
  END;
  CREATE TRIGGER report_rollup_part_category AFTER UPDATE OF category ON parts WHEN OLD.category IS NOT NEW.category BEGIN
    INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(m.at, 1, 13), OLD.category, -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id LEFT JOIN report_facts f ON f.ticket_id = m.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.part_id = NEW.id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), f.tech_id, f.category, lower(f.brand), f.service_type, OLD.category, -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id JOIN report_facts f ON f.ticket_id = m.ticket_id
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.part_id = NEW.id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
    INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(m.at, 1, 13), NEW.category, count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id LEFT JOIN report_facts f ON f.ticket_id = m.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.part_id = NEW.id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), f.tech_id, f.category, lower(f.brand), f.service_type, NEW.category, count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id JOIN report_facts f ON f.ticket_id = m.ticket_id
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.part_id = NEW.id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
  END;
  
  CREATE TRIGGER report_rollup_follow_up_in AFTER INSERT ON follow_ups BEGIN
    INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
    FROM (SELECT NEW.ticket_id AS ticket_id, NEW.due_date AS due_date, NEW.status AS status, NEW.reached AS reached, NEW.score AS score, NEW.problem_reported AS problem_reported) u LEFT JOIN report_facts f ON f.ticket_id = u.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, f.tech_id, f.category, lower(f.brand), f.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
      FROM (SELECT NEW.ticket_id AS ticket_id, NEW.due_date AS due_date, NEW.status AS status, NEW.reached AS reached, NEW.score AS score, NEW.problem_reported AS problem_reported) u JOIN report_facts f ON f.ticket_id = u.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
  END;
  CREATE TRIGGER report_rollup_follow_up_up AFTER UPDATE OF ticket_id, due_date, status, reached, score, problem_reported ON follow_ups BEGIN
    INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
    FROM (SELECT OLD.ticket_id AS ticket_id, OLD.due_date AS due_date, OLD.status AS status, OLD.reached AS reached, OLD.score AS score, OLD.problem_reported AS problem_reported) u LEFT JOIN report_facts f ON f.ticket_id = u.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, f.tech_id, f.category, lower(f.brand), f.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
      FROM (SELECT OLD.ticket_id AS ticket_id, OLD.due_date AS due_date, OLD.status AS status, OLD.reached AS reached, OLD.score AS score, OLD.problem_reported AS problem_reported) u JOIN report_facts f ON f.ticket_id = u.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
    INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
    FROM (SELECT NEW.ticket_id AS ticket_id, NEW.due_date AS due_date, NEW.status AS status, NEW.reached AS reached, NEW.score AS score, NEW.problem_reported AS problem_reported) u LEFT JOIN report_facts f ON f.ticket_id = u.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, f.tech_id, f.category, lower(f.brand), f.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
      FROM (SELECT NEW.ticket_id AS ticket_id, NEW.due_date AS due_date, NEW.status AS status, NEW.reached AS reached, NEW.score AS score, NEW.problem_reported AS problem_reported) u JOIN report_facts f ON f.ticket_id = u.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
  END;
  CREATE TRIGGER report_rollup_follow_up_del AFTER DELETE ON follow_ups BEGIN
    INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN f.tech_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
    FROM (SELECT OLD.ticket_id AS ticket_id, OLD.due_date AS due_date, OLD.status AS status, OLD.reached AS reached, OLD.score AS score, OLD.problem_reported AS problem_reported) u LEFT JOIN report_facts f ON f.ticket_id = u.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, f.tech_id, f.category, lower(f.brand), f.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
      FROM (SELECT OLD.ticket_id AS ticket_id, OLD.due_date AS due_date, OLD.status AS status, OLD.reached AS reached, OLD.score AS score, OLD.problem_reported AS problem_reported) u JOIN report_facts f ON f.ticket_id = u.ticket_id
      WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
  END;
  
  CREATE TRIGGER report_rollup_time_in AFTER INSERT ON time_logs BEGIN
    INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(l.started_at, 1, 13), l.user_id, count(*), sum(l.minutes)
    FROM (SELECT NEW.ticket_id AS ticket_id, NEW.user_id AS user_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at, NEW.minutes AS minutes) l LEFT JOIN report_facts f ON f.ticket_id = l.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, f.category, lower(f.brand), f.service_type, l.user_id, count(*), sum(l.minutes)
      FROM (SELECT NEW.ticket_id AS ticket_id, NEW.user_id AS user_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at, NEW.minutes AS minutes) l JOIN report_facts f ON f.ticket_id = l.ticket_id
      WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
  END;
  CREATE TRIGGER report_rollup_time_up AFTER UPDATE OF ticket_id, user_id, started_at, ended_at, minutes ON time_logs BEGIN
    INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(l.started_at, 1, 13), l.user_id, -(count(*)), -(sum(l.minutes))
    FROM (SELECT OLD.ticket_id AS ticket_id, OLD.user_id AS user_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at, OLD.minutes AS minutes) l LEFT JOIN report_facts f ON f.ticket_id = l.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, f.category, lower(f.brand), f.service_type, l.user_id, -(count(*)), -(sum(l.minutes))
      FROM (SELECT OLD.ticket_id AS ticket_id, OLD.user_id AS user_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at, OLD.minutes AS minutes) l JOIN report_facts f ON f.ticket_id = l.ticket_id
      WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
    INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(l.started_at, 1, 13), l.user_id, count(*), sum(l.minutes)
    FROM (SELECT NEW.ticket_id AS ticket_id, NEW.user_id AS user_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at, NEW.minutes AS minutes) l LEFT JOIN report_facts f ON f.ticket_id = l.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, f.category, lower(f.brand), f.service_type, l.user_id, count(*), sum(l.minutes)
      FROM (SELECT NEW.ticket_id AS ticket_id, NEW.user_id AS user_id, NEW.started_at AS started_at, NEW.ended_at AS ended_at, NEW.minutes AS minutes) l JOIN report_facts f ON f.ticket_id = l.ticket_id
      WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
  END;
  CREATE TRIGGER report_rollup_time_del AFTER DELETE ON time_logs BEGIN
    INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN f.category WHEN 3 THEN lower(f.brand) ELSE f.service_type END, substr(l.started_at, 1, 13), l.user_id, -(count(*)), -(sum(l.minutes))
    FROM (SELECT OLD.ticket_id AS ticket_id, OLD.user_id AS user_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at, OLD.minutes AS minutes) l LEFT JOIN report_facts f ON f.ticket_id = l.ticket_id JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0 OR f.ticket_id IS NOT NULL
    WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, f.category, lower(f.brand), f.service_type, l.user_id, -(count(*)), -(sum(l.minutes))
      FROM (SELECT OLD.ticket_id AS ticket_id, OLD.user_id AS user_id, OLD.started_at AS started_at, OLD.ended_at AS ended_at, OLD.minutes AS minutes) l JOIN report_facts f ON f.ticket_id = l.ticket_id
      WHERE l.ended_at IS NOT NULL AND 1 GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
  END;
  CREATE TRIGGER report_rollup_facts_in AFTER INSERT ON report_facts
    -- a ticket's first event comes before its ledger rows but for rare cases: check, don't scan
    WHEN EXISTS (SELECT 1 FROM payments WHERE ticket_id = NEW.ticket_id) OR EXISTS (SELECT 1 FROM stock_movements WHERE ticket_id = NEW.ticket_id)
      OR EXISTS (SELECT 1 FROM follow_ups WHERE ticket_id = NEW.ticket_id) OR EXISTS (SELECT 1 FROM time_logs WHERE ticket_id = NEW.ticket_id) BEGIN
    INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', substr(p.at, 1, 13), p.tender, '', -(count(*)), -(sum(p.amount_fen))
    FROM payments p  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN NEW.tech_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, substr(p.at, 1, 13), p.tender, NEW.category, count(*), sum(p.amount_fen)
    FROM payments p  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;

INSERT INTO report_payments_hourly_combo (hour, tech_id, category, brand, service_type, tender, ticket_category, n, amount_fen) SELECT substr(p.at, 1, 13), NEW.tech_id, NEW.category, lower(NEW.brand), NEW.service_type, p.tender, NEW.category, count(*), sum(p.amount_fen)
      FROM payments p 
      WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (hour, tech_id, category, brand, service_type, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', substr(m.at, 1, 13), coalesce(pt.category, ''), -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN NEW.tech_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, substr(m.at, 1, 13), coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;

INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), NEW.tech_id, NEW.category, lower(NEW.brand), NEW.service_type, coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id 
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
    FROM follow_ups u  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN NEW.tech_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
    FROM follow_ups u  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;

INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, NEW.tech_id, NEW.category, lower(NEW.brand), NEW.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
      FROM follow_ups u 
      WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', substr(l.started_at, 1, 13), l.user_id, -(count(*)), -(sum(l.minutes))
    FROM time_logs l  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, substr(l.started_at, 1, 13), l.user_id, count(*), sum(l.minutes)
    FROM time_logs l  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;

INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, NEW.category, lower(NEW.brand), NEW.service_type, l.user_id, count(*), sum(l.minutes)
      FROM time_logs l 
      WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
  END;
  CREATE TRIGGER report_rollup_facts_dims AFTER UPDATE OF tech_id, category, brand, service_type ON report_facts
    WHEN OLD.tech_id IS NOT NEW.tech_id OR OLD.category IS NOT NEW.category OR OLD.brand IS NOT NEW.brand OR OLD.service_type IS NOT NEW.service_type BEGIN
    INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN OLD.tech_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, substr(p.at, 1, 13), p.tender, OLD.category, -(count(*)), -(sum(p.amount_fen))
    FROM payments p  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN NEW.tech_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, substr(p.at, 1, 13), p.tender, NEW.category, count(*), sum(p.amount_fen)
    FROM payments p  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly_combo (hour, tech_id, category, brand, service_type, tender, ticket_category, n, amount_fen) SELECT substr(p.at, 1, 13), OLD.tech_id, OLD.category, lower(OLD.brand), OLD.service_type, p.tender, OLD.category, -(count(*)), -(sum(p.amount_fen))
      FROM payments p 
      WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (hour, tech_id, category, brand, service_type, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly_combo (hour, tech_id, category, brand, service_type, tender, ticket_category, n, amount_fen) SELECT substr(p.at, 1, 13), NEW.tech_id, NEW.category, lower(NEW.brand), NEW.service_type, p.tender, NEW.category, count(*), sum(p.amount_fen)
      FROM payments p 
      WHERE p.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (hour, tech_id, category, brand, service_type, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN OLD.tech_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, substr(m.at, 1, 13), coalesce(pt.category, ''), -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN NEW.tech_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, substr(m.at, 1, 13), coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), OLD.tech_id, OLD.category, lower(OLD.brand), OLD.service_type, coalesce(pt.category, ''), -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id 
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), NEW.tech_id, NEW.category, lower(NEW.brand), NEW.service_type, coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id 
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN OLD.tech_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
    FROM follow_ups u  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN NEW.tech_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
    FROM follow_ups u  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, OLD.tech_id, OLD.category, lower(OLD.brand), OLD.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
      FROM follow_ups u 
      WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, NEW.tech_id, NEW.category, lower(NEW.brand), NEW.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
      FROM follow_ups u 
      WHERE u.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, substr(l.started_at, 1, 13), l.user_id, -(count(*)), -(sum(l.minutes))
    FROM time_logs l  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN NEW.category WHEN 3 THEN lower(NEW.brand) ELSE NEW.service_type END, substr(l.started_at, 1, 13), l.user_id, count(*), sum(l.minutes)
    FROM time_logs l  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, OLD.category, lower(OLD.brand), OLD.service_type, l.user_id, -(count(*)), -(sum(l.minutes))
      FROM time_logs l 
      WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, NEW.category, lower(NEW.brand), NEW.service_type, l.user_id, count(*), sum(l.minutes)
      FROM time_logs l 
      WHERE l.ended_at IS NOT NULL AND l.ticket_id = NEW.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
  END;
  CREATE TRIGGER report_rollup_facts_out AFTER DELETE ON report_facts BEGIN
    INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN OLD.tech_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, substr(p.at, 1, 13), p.tender, OLD.category, -(count(*)), -(sum(p.amount_fen))
    FROM payments p  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE p.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly (dim, value, hour, tender, ticket_category, n, amount_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', substr(p.at, 1, 13), p.tender, '', count(*), sum(p.amount_fen)
    FROM payments p  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE p.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (dim, value, hour, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;
INSERT INTO report_payments_hourly_combo (hour, tech_id, category, brand, service_type, tender, ticket_category, n, amount_fen) SELECT substr(p.at, 1, 13), OLD.tech_id, OLD.category, lower(OLD.brand), OLD.service_type, p.tender, OLD.category, -(count(*)), -(sum(p.amount_fen))
      FROM payments p 
      WHERE p.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (hour, tech_id, category, brand, service_type, tender, ticket_category) DO UPDATE SET n = n + excluded.n, amount_fen = amount_fen + excluded.amount_fen;

INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN OLD.tech_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, substr(m.at, 1, 13), coalesce(pt.category, ''), -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly (dim, value, hour, part_category, moves, lines, qty, cost_fen) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', substr(m.at, 1, 13), coalesce(pt.category, ''), count(*), sum(m.kind = 'issue'), -sum(m.qty), -sum(m.qty * m.unit_cost)
    FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;
INSERT INTO report_parts_hourly_combo (hour, tech_id, category, brand, service_type, part_category, moves, lines, qty, cost_fen) SELECT substr(m.at, 1, 13), OLD.tech_id, OLD.category, lower(OLD.brand), OLD.service_type, coalesce(pt.category, ''), -(count(*)), -(sum(m.kind = 'issue')), -(-sum(m.qty)), -(-sum(m.qty * m.unit_cost))
      FROM stock_movements m LEFT JOIN parts pt ON pt.id = m.part_id 
      WHERE m.ticket_id IS NOT NULL AND m.kind IN ('issue', 'return') AND m.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, part_category) DO UPDATE SET moves = moves + excluded.moves, lines = lines + excluded.lines, qty = qty + excluded.qty, cost_fen = cost_fen + excluded.cost_fen;

INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN OLD.tech_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
    FROM follow_ups u  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE u.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily (dim, value, due_date, status, reached, score, problem, n) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', u.due_date, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, count(*)
    FROM follow_ups u  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE u.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (dim, value, due_date, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;
INSERT INTO report_follow_ups_daily_combo (due_date, tech_id, category, brand, service_type, status, reached, score, problem, n) SELECT u.due_date, OLD.tech_id, OLD.category, lower(OLD.brand), OLD.service_type, u.status, coalesce(u.reached, -1), coalesce(u.score, 0), u.problem_reported, -(count(*))
      FROM follow_ups u 
      WHERE u.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (due_date, tech_id, category, brand, service_type, status, reached, score, problem) DO UPDATE SET n = n + excluded.n;

INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, CASE d.i WHEN 0 THEN '' WHEN 1 THEN l.user_id WHEN 2 THEN OLD.category WHEN 3 THEN lower(OLD.brand) ELSE OLD.service_type END, substr(l.started_at, 1, 13), l.user_id, -(count(*)), -(sum(l.minutes))
    FROM time_logs l  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON 1
    WHERE l.ended_at IS NOT NULL AND l.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly (dim, value, hour, user_id, n, minutes) SELECT CASE d.i WHEN 0 THEN '' WHEN 1 THEN 'tech' WHEN 2 THEN 'category' WHEN 3 THEN 'brand' ELSE 'service' END, '', substr(l.started_at, 1, 13), l.user_id, count(*), sum(l.minutes)
    FROM time_logs l  JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) d ON d.i = 0
    WHERE l.ended_at IS NOT NULL AND l.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4
  ON CONFLICT (dim, value, hour, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
INSERT INTO report_time_hourly_combo (hour, tech_id, category, brand, service_type, user_id, n, minutes) SELECT substr(l.started_at, 1, 13), l.user_id, OLD.category, lower(OLD.brand), OLD.service_type, l.user_id, -(count(*)), -(sum(l.minutes))
      FROM time_logs l 
      WHERE l.ended_at IS NOT NULL AND l.ticket_id = OLD.ticket_id GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, tech_id, category, brand, service_type, user_id) DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;

  END;
`;
