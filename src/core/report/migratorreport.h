#pragma once

#include "plan/productmigrator.h"
#include "report/reportwriter.h"

#include <QJsonObject>

namespace passlane {

/// The product migrator's view in JSON: `can_plan`, `no_difference`, `steps` (`tag`, `release`,
/// `direction`, `target`, `schemas`, `oob`) and `differences` (`kind`, `blocking`, `message`,
/// `schema`, `ids`, `oob`, `sql`). See docs/migrator.md.
QJsonObject productMigratorToJson(const ProductMigratorView &view);

/// The "The product's migrator" section: blocking problems first, then each difference with its
/// consequence (drift with the down.sql to run by hand), then the product's steps.
ReportSection productMigratorSection(const ProductMigratorView &view);

/// Adds both to a plan report: the `product_migrator` JSON key and the section.
void addProductMigratorReport(ReportWriter &writer, const ProductMigratorView &view);

} // namespace passlane
