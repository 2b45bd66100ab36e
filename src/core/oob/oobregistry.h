#pragma once

#include "common/finding.h"
#include "common/result.h"
#include "oob/deprecationproposal.h"
#include "oob/oobmigration.h"
#include "releases/release.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace passlane {

/// All known OOB migrations: from `oobmigrations.yaml` files and from registrations found in
/// migrations' SQL (INSERT INTO out_of_band_migrations ... / UPDATE ... SET deprecated ...).
/// Conflicts between sources are findings, not failures.
class OobRegistry {
public:
    /// Parses one `oobmigrations.yaml` file. Fails with the file and line on malformed YAML.
    static Result<QList<OobMigration>> readYamlFile(const QString &path);
    static Result<QList<OobMigration>> parseYaml(const QByteArray &yaml, const QString &path);

    /// Registry from YAML files plus SQL registrations in `releases` (scanned in version order).
    /// YAML entries win over SQL ones; disagreements become `oob-conflict` findings, and
    /// deprecations at or before the introduction `oob-invalid-window` findings.
    static Result<OobRegistry> build(const QStringList &yamlFiles, const QList<ReleasePtr> &releases);

    /// Writes the registry back in the product's YAML format (for saving proposals).
    QByteArray toYaml() const;
    /// The comment lines (and blank lines among them) a registry file starts with: its licence or
    /// provenance header, which a file written back must keep.
    static QByteArray headerComments(const QByteArray &yaml);

    const QMap<int, OobMigration> &migrations() const { return m_migrations; }
    const OobMigration *find(int id) const;
    void insert(const OobMigration &m) { m_migrations.insert(m.id, m); }
    /// A copy with `id`'s deprecation moved (nullopt: undeprecated). Used by what-if proposals.
    OobRegistry withDeprecation(int id, std::optional<MinorVersion> deprecated) const;
    /// A copy with every proposal applied in order; proposals for unknown ids change nothing.
    OobRegistry withProposals(const DeprecationProposals &proposals) const;

    const Findings &findings() const { return m_findings; }

private:
    QMap<int, OobMigration> m_migrations;
    Findings m_findings;
};

} // namespace passlane
