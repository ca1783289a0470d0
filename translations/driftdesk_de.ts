<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Session</name>
    <message>
        <source>Local workspace file %1</source>
        <translation>Lokale Arbeitsbereichsdatei %1</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>open</source>
        <comment>finding status: needs attention</comment>
        <translation>offen</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <comment>finding status: accepted by a person</comment>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>resolved</source>
        <comment>finding status: no longer detected</comment>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>high</source>
        <comment>finding severity</comment>
        <translation>hoch</translation>
    </message>
    <message>
        <source>medium</source>
        <comment>finding severity</comment>
        <translation>mittel</translation>
    </message>
    <message>
        <source>low</source>
        <comment>finding severity</comment>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>missing_policy</source>
        <comment>change type: in the baseline, absent from the tenant</comment>
        <translation>Richtlinie fehlt</translation>
    </message>
    <message>
        <source>different_version</source>
        <comment>change type: configured differently from the baseline</comment>
        <translation>Richtlinie geändert</translation>
    </message>
    <message>
        <source>unexpected_policy</source>
        <comment>change type: in the tenant, not in the baseline</comment>
        <translation>Richtlinie unerwartet</translation>
    </message>
    <message>
        <source>ambiguous_match</source>
        <comment>change type: several policies have the same name and type</comment>
        <translation>mehrdeutige Zuordnung</translation>
    </message>
    <message>
        <source>not_detected</source>
        <comment>why a finding was resolved</comment>
        <translation>nicht mehr erkannt</translation>
    </message>
    <message>
        <source>baseline_replaced</source>
        <comment>why a finding was resolved: a newer baseline snapshot is active</comment>
        <translation>Baseline ersetzt</translation>
    </message>
    <message>
        <source>queued</source>
        <comment>run status</comment>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <comment>run status</comment>
        <translation>laufend</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>run status</comment>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>succeeded</source>
        <comment>run outcome or coverage of a type</comment>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>partially_succeeded</source>
        <comment>run outcome</comment>
        <translation>teilweise erfolgreich</translation>
    </message>
    <message>
        <source>partial</source>
        <comment>coverage of a type: some files unreadable</comment>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>run outcome or coverage of a type</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>blocked</source>
        <comment>run outcome: could not start</comment>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>run outcome</comment>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>files_read</source>
        <comment>run counter</comment>
        <translation>Dateien gelesen</translation>
    </message>
    <message>
        <source>files_failed</source>
        <comment>run counter</comment>
        <translation>Dateien fehlgeschlagen</translation>
    </message>
    <message>
        <source>bytes_read</source>
        <comment>run counter</comment>
        <translation>Bytes gelesen</translation>
    </message>
    <message>
        <source>items_read</source>
        <comment>run counter</comment>
        <translation>Elemente gelesen</translation>
    </message>
    <message>
        <source>items_stored</source>
        <comment>run counter</comment>
        <translation>Elemente gespeichert</translation>
    </message>
    <message>
        <source>types_covered</source>
        <comment>run counter</comment>
        <translation>Typen abgedeckt</translation>
    </message>
    <message>
        <source>types_succeeded</source>
        <comment>run counter</comment>
        <translation>Typen erfolgreich</translation>
    </message>
    <message>
        <source>types_partial</source>
        <comment>run counter</comment>
        <translation>Typen teilweise</translation>
    </message>
    <message>
        <source>types_failed</source>
        <comment>run counter</comment>
        <translation>Typen fehlgeschlagen</translation>
    </message>
    <message>
        <source>ambiguous_subjects</source>
        <comment>run counter</comment>
        <translation>Mehrdeutige Objekte</translation>
    </message>
    <message>
        <source>items_captured</source>
        <comment>run counter</comment>
        <translation>Elemente erfasst</translation>
    </message>
    <message>
        <source>types_captured</source>
        <comment>run counter</comment>
        <translation>Typen erfasst</translation>
    </message>
    <message>
        <source>types_skipped</source>
        <comment>run counter</comment>
        <translation>Typen übersprungen</translation>
    </message>
    <message>
        <source>subjects_excluded</source>
        <comment>run counter</comment>
        <translation>Objekte ausgeschlossen</translation>
    </message>
    <message>
        <source>snapshot_reused</source>
        <comment>run counter: 0 or 1</comment>
        <translation>Snapshot wiederverwendet</translation>
    </message>
    <message>
        <source>baseline_items</source>
        <comment>run counter</comment>
        <translation>Elemente der Baseline</translation>
    </message>
    <message>
        <source>current_items</source>
        <comment>run counter</comment>
        <translation>Aktuelle Elemente</translation>
    </message>
    <message>
        <source>types_compared</source>
        <comment>run counter</comment>
        <translation>Typen verglichen</translation>
    </message>
    <message>
        <source>findings_opened</source>
        <comment>run counter</comment>
        <translation>Befunde eröffnet</translation>
    </message>
    <message>
        <source>findings_reopened</source>
        <comment>run counter</comment>
        <translation>Befunde wieder geöffnet</translation>
    </message>
    <message>
        <source>findings_seen_again</source>
        <comment>run counter</comment>
        <translation>Befunde erneut gesehen</translation>
    </message>
    <message>
        <source>findings_resolved</source>
        <comment>run counter</comment>
        <translation>Befunde erledigt</translation>
    </message>
    <message>
        <source>findings_baseline_replaced</source>
        <comment>run counter</comment>
        <translation>Befunde durch neue Baseline erledigt</translation>
    </message>
    <message>
        <source>active</source>
        <comment>baseline profile status</comment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>draft</source>
        <comment>baseline profile status</comment>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>archived</source>
        <comment>baseline profile status</comment>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>Device configuration profiles</source>
        <comment>policy type</comment>
        <translation>Gerätekonfigurationsprofile</translation>
    </message>
    <message>
        <source>Compliance policies</source>
        <comment>policy type</comment>
        <translation>Konformitätsrichtlinien</translation>
    </message>
    <message>
        <source>Settings catalog policies</source>
        <comment>policy type</comment>
        <translation>Richtlinien des Einstellungskatalogs</translation>
    </message>
    <message>
        <source>Endpoint security policies</source>
        <comment>policy type</comment>
        <translation>Endpunktsicherheitsrichtlinien</translation>
    </message>
    <message>
        <source>Windows Update rings</source>
        <comment>policy type</comment>
        <translation>Windows Update-Ringe</translation>
    </message>
    <message>
        <source>Windows driver update profiles</source>
        <comment>policy type</comment>
        <translation>Windows-Treiberupdateprofile</translation>
    </message>
    <message>
        <source>Windows feature update profiles</source>
        <comment>policy type</comment>
        <translation>Windows-Funktionsupdateprofile</translation>
    </message>
    <message>
        <source>App protection policies</source>
        <comment>policy type</comment>
        <translation>App-Schutzrichtlinien</translation>
    </message>
    <message>
        <source>Security baselines</source>
        <comment>foundation type</comment>
        <translation>Sicherheitsbaselines</translation>
    </message>
</context>
<context>
    <name>driftdesk::models::FindingsModel</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Policy type</source>
        <translation>Richtlinientyp</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
</context>
<context>
    <name>driftdesk::models::ProfilesModel</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active snapshot</source>
        <translation>Aktiver Snapshot</translation>
    </message>
    <message>
        <source>Assigned tenants</source>
        <translation>Zugewiesene Mandanten</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>invalid scope: %1</source>
        <translation>ungültiger Umfang: %1</translation>
    </message>
    <message>
        <source>All policy types</source>
        <translation>Alle Richtlinientypen</translation>
    </message>
    <message>
        <source>no foundation types</source>
        <translation>keine Grundlagentypen</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>driftdesk::models::RunsModel</name>
    <message>
        <source>Inventory sync</source>
        <translation>Inventarabgleich</translation>
    </message>
    <message>
        <source>Baseline capture</source>
        <translation>Baseline-Erfassung</translation>
    </message>
    <message>
        <source>Baseline compare</source>
        <translation>Baseline-Vergleich</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>driftdesk::models::SnapshotItemsModel</name>
    <message>
        <source>Policy type</source>
        <translation>Richtlinientyp</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
</context>
<context>
    <name>driftdesk::models::TenantsModel</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Latest inventory sync</source>
        <translation>Letzter Inventarabgleich</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1, %2 (run %3)</source>
        <translation>%1, %2 (Vorgang %3)</translation>
    </message>
    <message>
        <source>%1 of %2 types succeeded</source>
        <translation>%1 von %2 Typen erfolgreich</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::AssignTenantsDialog</name>
    <message>
        <source>Assign tenants</source>
        <translation>Mandanten zuweisen</translation>
    </message>
    <message>
        <source>Tenants assigned to the profile</source>
        <translation>Dem Profil zugewiesene Mandanten</translation>
    </message>
    <message>
        <source>Tenants compared with this profile&apos;s active snapshot:</source>
        <translation>Mandanten, die mit dem aktiven Snapshot dieses Profils verglichen werden:</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::ConnectionDialog</name>
    <message>
        <source>&amp;Local workspace file</source>
        <translation>&amp;Lokale Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server</source>
        <translation>&amp;PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Re&amp;member the password in the system keychain</source>
        <translation>Passwort im &amp;Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Why the connection failed</source>
        <translation>Warum die Verbindung fehlschlug</translation>
    </message>
    <message>
        <source>Connect to a workspace</source>
        <translation>Mit einem Arbeitsbereich verbinden</translation>
    </message>
    <message>
        <source>Workspace file</source>
        <translation>Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>Server host or socket folder</source>
        <translation>Server-Host oder Socket-Ordner</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Server-Port</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Datenbankname</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>from the keychain, PGPASSWORD or ~/.pgpass</source>
        <translation>aus dem Schlüsselbund, PGPASSWORD oder ~/.pgpass</translation>
    </message>
    <message>
        <source>Workspace name</source>
        <translation>Name des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Wor&amp;kspace:</source>
        <translation>&amp;Arbeitsbereich:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>DriftDesk workspace (*.db)</source>
        <translation>DriftDesk-Arbeitsbereich (*.db)</translation>
    </message>
    <message>
        <source>Give the server&apos;s host (or socket folder) and the database name.</source>
        <translation>Geben Sie den Host des Servers (oder den Socket-Ordner) und den Namen der Datenbank an.</translation>
    </message>
    <message>
        <source>Give the workspace name (&quot;default&quot; unless you created others).</source>
        <translation>Geben Sie den Namen des Arbeitsbereichs an („default“, sofern Sie keine weiteren angelegt haben).</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::DesktopApp</name>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>The password could not be remembered: %1</source>
        <translation>Das Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>There is no workspace file at %1. Create a new, empty workspace there?</source>
        <translation>Unter %1 gibt es keine Arbeitsbereichsdatei. Dort einen neuen, leeren Arbeitsbereich anlegen?</translation>
    </message>
    <message>
        <source>There is no workspace file at %1.</source>
        <translation>Unter %1 gibt es keine Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>There is no workspace named &quot;%1&quot; there. Create it?</source>
        <translation>Dort gibt es keinen Arbeitsbereich namens „%1“. Anlegen?</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::EvidenceView</name>
    <message>
        <source>Missing policy: in the baseline, absent from the tenant</source>
        <translation>Fehlende Richtlinie: in der Baseline, im Mandanten nicht vorhanden</translation>
    </message>
    <message>
        <source>Changed policy: configured differently from the baseline</source>
        <translation>Geänderte Richtlinie: anders konfiguriert als in der Baseline</translation>
    </message>
    <message>
        <source>Unexpected policy: in the tenant, not in the baseline</source>
        <translation>Unerwartete Richtlinie: im Mandanten, nicht in der Baseline</translation>
    </message>
    <message>
        <source>Ambiguous match: more than one policy has this name and type</source>
        <translation>Mehrdeutige Zuordnung: mehr als eine Richtlinie hat diesen Namen und Typ</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Evidence of the finding</source>
        <translation>Nachweis des Befunds</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a finding to see its evidence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Befund, um seinen Nachweis zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 %5</source>
        <translation>%1 · %2 · %3 · %4 %5</translation>
    </message>
    <message>
        <source>seen once</source>
        <translation>einmal gesehen</translation>
    </message>
    <message>
        <source>seen %1 times</source>
        <translation>%1-mal gesehen</translation>
    </message>
    <message>
        <source>Severity %1 · %2 · first seen %3 · last seen %4 · %5</source>
        <translation>Schweregrad %1 · %2 · zuerst gesehen %3 · zuletzt gesehen %4 · %5</translation>
    </message>
    <message>
        <source> · resolved %1 (%2)</source>
        <translation> · erledigt %1 (%2)</translation>
    </message>
    <message>
        <source>Acknowledged %1 by %2: %3</source>
        <translation>Akzeptiert %1 von %2: %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;Renamed from &lt;i&gt;%1&lt;/i&gt; to &lt;i&gt;%2&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Umbenannt von &lt;i&gt;%1&lt;/i&gt; in &lt;i&gt;%2&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Matched by name and type to baseline policy %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nach Name und Typ der Baseline-Richtlinie %1 zugeordnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>1 changed property</source>
        <translation>1 geänderte Eigenschaft</translation>
    </message>
    <message>
        <source>%1 changed properties</source>
        <translation>%1 geänderte Eigenschaften</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source>baseline hash %1</source>
        <translation>Baseline-Hash %1</translation>
    </message>
    <message>
        <source>current hash %1</source>
        <translation>aktueller Hash %1</translation>
    </message>
    <message>
        <source>meta contract version %1</source>
        <translation>Meta-Contract-Version %1</translation>
    </message>
    <message>
        <source>Normalised name: &lt;i&gt;%1&lt;/i&gt;. Rename all but one, or match this profile&apos;s tenants by id.</source>
        <translation>Normalisierter Name: &lt;i&gt;%1&lt;/i&gt;. Benennen Sie alle bis auf eine um, oder ordnen Sie die Mandanten dieses Profils nach ID zu.</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::FindingsPage</name>
    <message>
        <source>Filter by tenant</source>
        <translation>Nach Mandant filtern</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>Filter by profile</source>
        <translation>Nach Profil filtern</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>Alle Profile</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Filter by change type</source>
        <translation>Nach Art der Änderung filtern</translation>
    </message>
    <message>
        <source>Any change</source>
        <translation>Jede Änderung</translation>
    </message>
    <message>
        <source>Filter by policy type</source>
        <translation>Nach Richtlinientyp filtern</translation>
    </message>
    <message>
        <source>Any policy type</source>
        <translation>Jeder Richtlinientyp</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>Ak&amp;zeptieren…</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>&amp;Wieder öffnen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Compare all &amp;tenants</source>
        <translation>Alle Mandanten &amp;vergleichen</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>Nach Text filtern</translation>
    </message>
    <message>
        <source>Name or subject id contains…</source>
        <translation>Name oder Objekt-ID enthält…</translation>
    </message>
    <message>
        <source>Number of findings</source>
        <translation>Anzahl der Befunde</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>Counting findings…</source>
        <translation>Befunde werden gezählt…</translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation>1 Befund</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 Befunde</translation>
    </message>
    <message>
        <source>Acknowledge finding</source>
        <translation>Befund akzeptieren</translation>
    </message>
    <message>
        <source>Why is this drift accepted? (recorded with your name and the time)</source>
        <translation>Warum wird diese Abweichung akzeptiert? (wird mit Ihrem Namen und der Uhrzeit gespeichert)</translation>
    </message>
    <message>
        <source>Reopen finding</source>
        <translation>Befund wieder öffnen</translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation>Befunde exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported 1 finding to %1</source>
        <translation>1 Befund nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 findings to %2</source>
        <translation>%1 Befunde nach %2 exportiert</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>No tenant is assigned to an active baseline profile.</source>
        <translation>Keinem aktiven Baseline-Profil ist ein Mandant zugewiesen.</translation>
    </message>
    <message>
        <source>Comparing all tenants</source>
        <translation>Alle Mandanten werden verglichen</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::MainWindow</name>
    <message>
        <source>run %1</source>
        <translation>Vorgang %1</translation>
    </message>
    <message>
        <source>cancelled; the database is as it was</source>
        <translation>abgebrochen; die Datenbank ist unverändert</translation>
    </message>
    <message>
        <source>DriftDesk — %1</source>
        <translation>DriftDesk — %1</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Baseline Profiles</source>
        <translation>Baseline-Profile</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Operation Runs</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>%1 · workspace %2</source>
        <translation>%1 · Arbeitsbereich %2</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Running operation</source>
        <translation>Laufende Operation</translation>
    </message>
    <message>
        <source>Progress of the running operation</source>
        <translation>Fortschritt der laufenden Operation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Die laufende Operation abbrechen</translation>
    </message>
    <message>
        <source>Result of the last operation</source>
        <translation>Ergebnis der letzten Operation</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Import setting &amp;definitions…</source>
        <translation>Einstellungs&amp;definitionen importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tenants</source>
        <translation>&amp;Mandanten</translation>
    </message>
    <message>
        <source>Baseline &amp;Profiles</source>
        <translation>Baseline-&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>&amp;Befunde</translation>
    </message>
    <message>
        <source>Operation &amp;Runs</source>
        <translation>&amp;Vorgänge</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>&amp;Operationen</translation>
    </message>
    <message>
        <source>&amp;Import inventory…</source>
        <translation>Inventar &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Capture baseline…</source>
        <translation>Baseline &amp;erfassen…</translation>
    </message>
    <message>
        <source>Compare &amp;all tenants</source>
        <translation>&amp;Alle Mandanten vergleichen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel running operation</source>
        <translation>Laufende Operation a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About DriftDesk</source>
        <translation>&amp;Über DriftDesk</translation>
    </message>
    <message>
        <source>About DriftDesk</source>
        <translation>Über DriftDesk</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;DriftDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Configuration drift review for Microsoft Intune tenants.&lt;/p&gt;&lt;p&gt;Qt %2, database: %3.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;DriftDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Prüfung von Konfigurationsabweichungen für Microsoft-Intune-Mandanten.&lt;/p&gt;&lt;p&gt;Qt %2, Datenbank: %3.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import setting definitions (Graph configurationSettings JSON files)</source>
        <translation>Einstellungsdefinitionen importieren (JSON-Dateien von Graph configurationSettings)</translation>
    </message>
    <message>
        <source>Importing setting definitions</source>
        <translation>Einstellungsdefinitionen werden importiert</translation>
    </message>
    <message>
        <source>Imported %1 setting definitions from %2 files</source>
        <translation>%1 Einstellungsdefinitionen aus %2 Dateien importiert</translation>
    </message>
    <message>
        <source>; %1 could not be imported</source>
        <translation>; %1 konnten nicht importiert werden</translation>
    </message>
    <message>
        <source>Import setting definitions</source>
        <translation>Einstellungsdefinitionen importieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1 is still running. Cancel it and quit? Nothing it did so far is kept.</source>
        <translation>%1 läuft noch. Abbrechen und beenden? Nichts von dem, was bisher getan wurde, bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::ProfileDialog</name>
    <message>
        <source>Problems with the profile</source>
        <translation>Probleme mit dem Profil</translation>
    </message>
    <message>
        <source>Baseline profile</source>
        <translation>Baseline-Profil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Version label</source>
        <translation>Versionsbezeichnung</translation>
    </message>
    <message>
        <source>for example v3.7</source>
        <translation>zum Beispiel v3.7</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Archived (neither captured into nor compared)</source>
        <translation>Archiviert (weder erfasst noch verglichen)</translation>
    </message>
    <message>
        <source>Match policies</source>
        <translation>Richtlinien zuordnen</translation>
    </message>
    <message>
        <source>By id (the same tenant over time)</source>
        <translation>Nach ID (derselbe Mandant über die Zeit)</translation>
    </message>
    <message>
        <source>By name and type (other tenants)</source>
        <translation>Nach Name und Typ (andere Mandanten)</translation>
    </message>
    <message>
        <source>Version suffix pattern</source>
        <translation>Muster des Versionssuffixes</translation>
    </message>
    <message>
        <source>A regular expression removed from the end of names before they are matched, so that &quot;Firewall - v3.6&quot; matches &quot;Firewall - v3.7&quot;</source>
        <translation>Ein regulärer Ausdruck, der vor dem Zuordnen vom Ende der Namen entfernt wird, sodass „Firewall - v3.6“ zu „Firewall - v3.7“ passt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Version label:</source>
        <translation>&amp;Versionsbezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Match policies:</source>
        <translation>Richtlinien &amp;zuordnen:</translation>
    </message>
    <message>
        <source>Version s&amp;uffix:</source>
        <translation>Versions&amp;suffix:</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::ProfilesPage</name>
    <message>
        <source>Baseline profiles</source>
        <translation>Baseline-Profile</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>&amp;Neues Profil…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Assign &amp;tenants…</source>
        <translation>&amp;Mandanten zuweisen…</translation>
    </message>
    <message>
        <source>&amp;Capture baseline…</source>
        <translation>Baseline &amp;erfassen…</translation>
    </message>
    <message>
        <source>Co&amp;mpare now</source>
        <translation>&amp;Jetzt vergleichen</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete baseline profile &quot;%1&quot; with its snapshots and findings?</source>
        <translation>Baseline-Profil „%1“ mit seinen Snapshots und Befunden löschen?</translation>
    </message>
    <message>
        <source>Assign tenants</source>
        <translation>Mandanten zuweisen</translation>
    </message>
    <message>
        <source>Capture baseline</source>
        <translation>Baseline erfassen</translation>
    </message>
    <message>
        <source>Capture the baseline from tenant:</source>
        <translation>Die Baseline aus diesem Mandanten erfassen:</translation>
    </message>
    <message>
        <source>Capturing baseline</source>
        <translation>Baseline wird erfasst</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>No tenant is assigned to this profile. Assign tenants first.</source>
        <translation>Diesem Profil ist kein Mandant zugewiesen. Weisen Sie zuerst Mandanten zu.</translation>
    </message>
    <message>
        <source>Comparing tenants</source>
        <translation>Mandanten werden verglichen</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::RunsPage</name>
    <message>
        <source>Operation runs</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Details of the run</source>
        <translation>Einzelheiten des Vorgangs</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Run %1: %2&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Vorgang %1: %2&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2). Started %3 by %4; took %5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; (%2). Gestartet %3 von %4; Dauer %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Counts&lt;/b&gt;&lt;/p&gt;&lt;table cellpadding=&apos;2&apos;&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Zähler&lt;/b&gt;&lt;/p&gt;&lt;table cellpadding=&apos;2&apos;&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Coverage&lt;/b&gt;&lt;/p&gt;&lt;table border=&apos;1&apos; cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;th&gt;Type&lt;/th&gt;&lt;th&gt;Status&lt;/th&gt;&lt;th&gt;Items&lt;/th&gt;&lt;th&gt;Errors&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Abdeckung&lt;/b&gt;&lt;/p&gt;&lt;table border=&apos;1&apos; cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;th&gt;Typ&lt;/th&gt;&lt;th&gt;Status&lt;/th&gt;&lt;th&gt;Elemente&lt;/th&gt;&lt;th&gt;Fehler&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Compared types</source>
        <translation>Verglichene Typen</translation>
    </message>
    <message>
        <source>Captured types</source>
        <translation>Erfasste Typen</translation>
    </message>
    <message>
        <source>Skipped types</source>
        <translation>Übersprungene Typen</translation>
    </message>
    <message>
        <source>Excluded subjects</source>
        <translation>Ausgeschlossene Objekte</translation>
    </message>
    <message>
        <source>Ambiguous subjects</source>
        <translation>Mehrdeutige Objekte</translation>
    </message>
    <message>
        <source>Unreadable files</source>
        <translation>Unlesbare Dateien</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::ScopeEditor</name>
    <message>
        <source>Policy types in scope</source>
        <translation>Richtlinientypen im Umfang</translation>
    </message>
    <message>
        <source>Foundation types in scope</source>
        <translation>Grundlagentypen im Umfang</translation>
    </message>
    <message>
        <source>&amp;Policy types</source>
        <translation>&amp;Richtlinientypen</translation>
    </message>
    <message>
        <source>&amp;Foundation types</source>
        <translation>&amp;Grundlagentypen</translation>
    </message>
    <message>
        <source>None checked: all supported policy types are in scope.</source>
        <translation>Keiner ausgewählt: Alle unterstützten Richtlinientypen sind im Umfang.</translation>
    </message>
    <message numerus="yes">
        <source>%n policy type(s) in scope.</source>
        <translation>
            <numerusform>%n Richtlinientyp im Umfang.</numerusform>
            <numerusform>%n Richtlinientypen im Umfang.</numerusform>
        </translation>
    </message>
    <message>
        <source>None checked: no foundation types are in scope.</source>
        <translation>Keiner ausgewählt: Keine Grundlagentypen sind im Umfang.</translation>
    </message>
    <message numerus="yes">
        <source>%n foundation type(s) in scope.</source>
        <translation>
            <numerusform>%n Grundlagentyp im Umfang.</numerusform>
            <numerusform>%n Grundlagentypen im Umfang.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>driftdesk::views::SnapshotView</name>
    <message>
        <source>Snapshot items</source>
        <translation>Elemente des Snapshots</translation>
    </message>
    <message>
        <source>Snapshots of the profile</source>
        <translation>Snapshots des Profils</translation>
    </message>
    <message>
        <source>Filter items by policy type</source>
        <translation>Elemente nach Richtlinientyp filtern</translation>
    </message>
    <message>
        <source>All policy types</source>
        <translation>Alle Richtlinientypen</translation>
    </message>
    <message>
        <source>Filter items by text</source>
        <translation>Elemente nach Text filtern</translation>
    </message>
    <message>
        <source>Filter by name or id</source>
        <translation>Nach Name oder ID filtern</translation>
    </message>
    <message>
        <source>Meta contract of the item</source>
        <translation>Meta-Contract des Elements</translation>
    </message>
    <message>
        <source>Sna&amp;pshots:</source>
        <translation>&amp;Snapshots:</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>Elemen&amp;te:</translation>
    </message>
    <message>
        <source>#%1 · %2
%3 items from %4</source>
        <translation>#%1 · %2
%3 Elemente aus %4</translation>
    </message>
    <message>
        <source> · active</source>
        <translation> · aktiv</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::TenantDialog</name>
    <message>
        <source>Problems with the tenant</source>
        <translation>Probleme mit dem Mandanten</translation>
    </message>
    <message>
        <source>Add tenant</source>
        <translation>Mandant hinzufügen</translation>
    </message>
    <message>
        <source>Tenant name</source>
        <translation>Name des Mandanten</translation>
    </message>
    <message>
        <source>Entra tenant id</source>
        <translation>Entra-Mandanten-ID</translation>
    </message>
    <message>
        <source>optional, a GUID such as 00000000-0000-0000-0000-…</source>
        <translation>optional, eine GUID wie 00000000-0000-0000-0000-…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Tenant id:</source>
        <translation>&amp;Mandanten-ID:</translation>
    </message>
    <message>
        <source>Give the tenant a name.</source>
        <translation>Geben Sie dem Mandanten einen Namen.</translation>
    </message>
</context>
<context>
    <name>driftdesk::views::TenantsPage</name>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>&amp;Add tenant…</source>
        <translation>Mandant hinzu&amp;fügen…</translation>
    </message>
    <message>
        <source>&amp;Delete tenant</source>
        <translation>Mandant &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Import inventory…</source>
        <translation>Inventar &amp;importieren…</translation>
    </message>
    <message>
        <source>Coverage of the latest inventory sync</source>
        <translation>Abdeckung des letzten Inventarabgleichs</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Problems of the latest inventory sync</source>
        <translation>Probleme des letzten Inventarabgleichs</translation>
    </message>
    <message>
        <source>No tenants yet. Start with &lt;b&gt;Add tenant…&lt;/b&gt;, then &lt;b&gt;Import inventory…&lt;/b&gt; from a folder of exported policies; then create a baseline profile on the &lt;i&gt;Baseline Profiles&lt;/i&gt; page.</source>
        <translation>Noch keine Mandanten. Beginnen Sie mit &lt;b&gt;Mandant hinzufügen…&lt;/b&gt;, dann &lt;b&gt;Inventar importieren…&lt;/b&gt; aus einem Ordner exportierter Richtlinien; legen Sie danach auf der Seite &lt;i&gt;Baseline-Profile&lt;/i&gt; ein Baseline-Profil an.</translation>
    </message>
    <message>
        <source>Where to start</source>
        <translation>Wo beginnen</translation>
    </message>
    <message>
        <source>Coverage of the latest inventory sync:</source>
        <translation>Abdeckung des letzten Inventarabgleichs:</translation>
    </message>
    <message>
        <source>Delete tenant</source>
        <translation>Mandant löschen</translation>
    </message>
    <message>
        <source>Delete tenant &quot;%1&quot; with its inventory, runs and findings? Snapshots captured from it stay with their profiles.</source>
        <translation>Mandant „%1“ mit seinem Inventar, seinen Vorgängen und Befunden löschen? Aus ihm erfasste Snapshots bleiben bei ihren Profilen.</translation>
    </message>
    <message>
        <source>Import inventory from folder</source>
        <translation>Inventar aus Ordner importieren</translation>
    </message>
    <message>
        <source>Importing inventory</source>
        <translation>Inventar wird importiert</translation>
    </message>
    <message>
        <source>No inventory imported yet.</source>
        <translation>Noch kein Inventar importiert.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Unreadable: %1 — %2</source>
        <translation>Unlesbar: %1 — %2</translation>
    </message>
    <message>
        <source>Ambiguous (excluded from capture and compare): %1 %2 in %3</source>
        <translation>Mehrdeutig (von Erfassung und Vergleich ausgeschlossen): %1 %2 in %3</translation>
    </message>
    <message>
        <source>No problems in the latest sync.</source>
        <translation>Keine Probleme im letzten Abgleich.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Configuration drift review for Microsoft Intune tenants.</source>
        <translation>Prüfung von Konfigurationsabweichungen für Microsoft-Intune-Mandanten.</translation>
    </message>
    <message>
        <source>Database URL (as for driftctl) instead of the last connection.</source>
        <translation>Datenbank-URL (wie bei driftctl) statt der letzten Verbindung.</translation>
    </message>
    <message>
        <source>Workspace name.</source>
        <translation>Name des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Render each main view to PNG files in this folder, then quit. Without --db: the workspace a start would open.</source>
        <translation>Jede Hauptansicht als PNG-Datei in diesen Ordner zeichnen, dann beenden. Ohne --db: der Arbeitsbereich, den ein Start öffnen würde.</translation>
    </message>
</context>
</TS>
