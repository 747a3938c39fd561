<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>main</name>
        <message>
            <source>Visual editor, validator and MCP server for agent workflows</source>
            <translation>Visueller Editor, Validator und MCP-Server für Agenten-Workflows</translation>
        </message>
        <message>
            <source>Also serve the workflows in DIR (repeatable).</source>
            <translation>Zusätzlich die Workflows in DIR bereitstellen (mehrfach möglich).</translation>
        </message>
        <message>
            <source>Do not start the MCP listener.</source>
            <translation>Den MCP-Listener nicht starten.</translation>
        </message>
        <message>
            <source>Workflow files to open</source>
            <translation>Zu öffnende Workflow-Dateien</translation>
        </message>
        <message>
            <source>MCP listener: invalid port %1</source>
            <translation>MCP-Listener: ungültiger Port %1</translation>
        </message>
        <message>
            <source>MCP listener: stopped</source>
            <translation>MCP-Listener: angehalten</translation>
        </message>
        <message>
            <source>MCP listener: off (%1)</source>
            <translation>MCP-Listener: aus (%1)</translation>
        </message>
        <message>
            <source>Port of the MCP HTTP listener (default: the setting mcp/port, else %1; 0 = any free port).</source>
            <translation>Port des MCP-HTTP-Listeners (Standard: die Einstellung mcp/port, sonst %1; 0 = beliebiger freier Port).</translation>
        </message>
        <message>
            <source>MCP listener: off (--no-mcp)</source>
            <translation>MCP-Listener: aus (--no-mcp)</translation>
        </message>
        <message>
            <source>MCP listener: off (disabled in the settings)</source>
            <translation>MCP-Listener: aus (in den Einstellungen deaktiviert)</translation>
        </message>
        <message>
            <source>MCP listener: %1 (bearer token required)</source>
            <translation>MCP-Listener: %1 (Bearer-Token erforderlich)</translation>
        </message>
    </context>
    <context>
        <name>wfs::MainWindow</name>
        <message>
            <source>Select the steps to move first.</source>
            <translation>Wählen Sie zuerst die Schritte aus, die verschoben werden sollen.</translation>
        </message>
        <message>
            <source>The selection cannot move further up.</source>
            <translation>Die Auswahl kann nicht weiter nach oben verschoben werden.</translation>
        </message>
        <message>
            <source>The selection cannot move further down.</source>
            <translation>Die Auswahl kann nicht weiter nach unten verschoben werden.</translation>
        </message>
        <message>
            <source>&amp;Move Up</source>
            <translation>Nach &amp;oben verschieben</translation>
        </message>
        <message>
            <source>Move Dow&amp;n</source>
            <translation>Nach u&amp;nten verschieben</translation>
        </message>
        <message>
            <source>Workflow Studio</source>
            <translation>Workflow Studio</translation>
        </message>
        <message>
            <source>MCP listener: off</source>
            <translation>MCP-Listener: aus</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothek</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Eigenschaften</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Probleme</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Neu</translation>
        </message>
        <message>
            <source>New from &amp;Template</source>
            <translation>Neu aus &amp;Vorlage</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>Ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>Open Workflow</source>
            <translation>Workflow öffnen</translation>
        </message>
        <message>
            <source>Workflows (*.json);;All files (*)</source>
            <translation>Workflows (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Speichern &amp;unter…</translation>
        </message>
        <message>
            <source>Re&amp;load from Disk</source>
            <translation>Vom Datenträger neu &amp;laden</translation>
        </message>
        <message>
            <source>&amp;Import Folder…</source>
            <translation>Ordner &amp;importieren…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>S&amp;chließen</translation>
        </message>
        <message>
            <source>Settin&amp;gs…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;Copy Steps</source>
            <translation>Schritte &amp;kopieren</translation>
        </message>
        <message>
            <source>&amp;Paste Steps</source>
            <translation>Schritte &amp;einfügen</translation>
        </message>
        <message>
            <source>&amp;Delete Steps</source>
            <translation>Schritte &amp;löschen</translation>
        </message>
        <message>
            <source>Select &amp;All Steps</source>
            <translation>&amp;Alle Schritte auswählen</translation>
        </message>
        <message>
            <source>&amp;Insert</source>
            <translation>&amp;Einfügen</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>&amp;Schritt</translation>
        </message>
        <message>
            <source>Ctrl+Shift+N</source>
            <comment>insert step</comment>
            <translation>Ctrl+Shift+N</translation>
        </message>
        <message>
            <source>Insert a step after the selection</source>
            <translation>Einen Schritt nach der Auswahl einfügen</translation>
        </message>
        <message>
            <source>&amp;Loop</source>
            <translation>Sch&amp;leife</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L</source>
            <comment>insert loop</comment>
            <translation>Ctrl+Shift+L</translation>
        </message>
        <message>
            <source>Insert a loop after the selection</source>
            <translation>Eine Schleife nach der Auswahl einfügen</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Ver&amp;größern</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>&amp;Originalgröße</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>An &amp;Fenster anpassen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+F</source>
            <translation>Ctrl+Shift+F</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Connect an Agent…</source>
            <translation>Einen &amp;Agenten verbinden…</translation>
        </message>
        <message>
            <source>&amp;About Workflow Studio</source>
            <translation>Ü&amp;ber Workflow Studio</translation>
        </message>
        <message>
            <source>About Workflow Studio</source>
            <translation>Über Workflow Studio</translation>
        </message>
        <message>
            <source>&lt;b&gt;Workflow Studio&lt;/b&gt; %1&lt;br&gt;Visual editor, validator and MCP server for AI-agent workflows (WorkRail-compatible).</source>
            <translation>&lt;b&gt;Workflow Studio&lt;/b&gt; %1&lt;br&gt;Visueller Editor, Validator und MCP-Server für KI-Agenten-Workflows (WorkRail-kompatibel).</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Haupt</translation>
        </message>
        <message>
            <source>Palette</source>
            <translation>Palette</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Cannot open %1:
%2</source>
            <translation>%1 kann nicht geöffnet werden:
%2</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>%1 geöffnet</translation>
        </message>
        <message>
            <source>Save Workflow</source>
            <translation>Workflow speichern</translation>
        </message>
        <message>
            <source>Workflows (*.json)</source>
            <translation>Workflows (*.json)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Noch nicht gespeichert</translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 with %n error(s): agents cannot run this workflow until they are fixed (see Problems).</source>
            <translation>
                <numerusform>%1 mit %n Fehler gespeichert: Agenten können diesen Workflow erst ausführen, wenn er behoben ist (siehe Probleme).</numerusform>
                <numerusform>%1 mit %n Fehlern gespeichert: Agenten können diesen Workflow erst ausführen, wenn sie behoben sind (siehe Probleme).</numerusform>
            </translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>“%1” has unsaved changes. Save them?</source>
            <translation>„%1“ hat ungespeicherte Änderungen. Speichern?</translation>
        </message>
        <message>
            <source>%1[*] — Workflow Studio</source>
            <translation>%1[*] — Workflow Studio</translation>
        </message>
        <message>
            <source>Clear List</source>
            <translation>Liste leeren</translation>
        </message>
        <message>
            <source>File Changed on Disk</source>
            <translation>Datei auf dem Datenträger geändert</translation>
        </message>
        <message>
            <source>%1 was changed by another program, and you have unsaved changes here. Reload it and lose your changes?</source>
            <translation>%1 wurde von einem anderen Programm geändert, und Sie haben hier ungespeicherte Änderungen. Neu laden und Ihre Änderungen verwerfen?</translation>
        </message>
        <message>
            <source>Not reloaded: %1</source>
            <translation>Nicht neu geladen: %1</translation>
        </message>
        <message>
            <source>Reloaded %1 (changed on disk)</source>
            <translation>%1 neu geladen (auf dem Datenträger geändert)</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
        <message>
            <source>Recover Unsaved Work</source>
            <translation>Ungespeicherte Arbeit wiederherstellen</translation>
        </message>
        <message numerus="yes">
            <source>Workflow Studio did not shut down properly. Recover %n unsaved document(s)?</source>
            <translation>
                <numerusform>Workflow Studio wurde nicht ordnungsgemäß beendet. %n ungespeichertes Dokument wiederherstellen?</numerusform>
                <numerusform>Workflow Studio wurde nicht ordnungsgemäß beendet. %n ungespeicherte Dokumente wiederherstellen?</numerusform>
            </translation>
        </message>
        <message>
            <source>Recover</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Später</translation>
        </message>
        <message numerus="yes">
            <source>Recovered %n document(s)</source>
            <translation>
                <numerusform>%n Dokument wiederhergestellt</numerusform>
                <numerusform>%n Dokumente wiederhergestellt</numerusform>
            </translation>
        </message>
        <message>
            <source>Serve This Workflow?</source>
            <translation>Diesen Workflow bereitstellen?</translation>
        </message>
        <message>
            <source>%1 is not in a workflow folder the studio serves, so agents will not see this workflow.</source>
            <translation>%1 liegt in keinem Workflow-Ordner, den das Studio bereitstellt; Agenten sehen diesen Workflow daher nicht.</translation>
        </message>
        <message>
            <source>Serve the folder %1 (it is added to the workflow folders in the settings), save into your workflow folder %2 instead, or keep the file where it is, unserved?</source>
            <translation>Den Ordner %1 bereitstellen (er wird zu den Workflow-Ordnern in den Einstellungen hinzugefügt), stattdessen in Ihrem Workflow-Ordner %2 speichern oder die Datei dort lassen, wo sie ist, ohne sie bereitzustellen?</translation>
        </message>
        <message>
            <source>Serve the Folder</source>
            <translation>Ordner bereitstellen</translation>
        </message>
        <message>
            <source>Save in My Workflows</source>
            <translation>In „Meine Workflows“ speichern</translation>
        </message>
        <message>
            <source>Keep Unserved</source>
            <translation>Nicht bereitstellen</translation>
        </message>
        <message>
            <source>Cannot create %1.</source>
            <translation>%1 kann nicht angelegt werden.</translation>
        </message>
        <message>
            <source>Serving the workflows in %1</source>
            <translation>Die Workflows in %1 werden bereitgestellt</translation>
        </message>
        <message>
            <source>%1 (deleted)</source>
            <translation>%1 (gelöscht)</translation>
        </message>
        <message>
            <source>%1 was deleted by another program; its tab keeps the workflow.</source>
            <translation>%1 wurde von einem anderen Programm gelöscht; der Tab behält den Workflow.</translation>
        </message>
        <message>
            <source>No workflow open</source>
            <translation>Kein Workflow geöffnet</translation>
        </message>
        <message>
            <source>Create a new workflow (%1), open a file (%2), or pick one in the Library.</source>
            <translation>Erstellen Sie einen neuen Workflow (%1), öffnen Sie eine Datei (%2) oder wählen Sie einen in der Bibliothek.</translation>
        </message>
        <message>
            <source>New Workflow</source>
            <translation>Neuer Workflow</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>Öffnen…</translation>
        </message>
        <message>
            <source>Show Library</source>
            <translation>Bibliothek anzeigen</translation>
        </message>
        <message>
            <source>&amp;Reset Layout</source>
            <translation>Anordnung &amp;zurücksetzen</translation>
        </message>
        <message>
            <source>Data: in memory only</source>
            <translation>Daten: nur im Speicher</translation>
        </message>
        <message>
            <source>The database is in memory: sessions and metrics last until the studio quits.</source>
            <translation>Die Datenbank liegt im Speicher: Sitzungen und Messwerte bleiben bis zum Beenden des Studios erhalten.</translation>
        </message>
        <message>
            <source>Data: %1</source>
            <translation>Daten: %1</translation>
        </message>
        <message>
            <source>Sessions, metrics and cached answers are kept in %1</source>
            <translation>Sitzungen, Messwerte und zwischengespeicherte Antworten werden in %1 aufbewahrt</translation>
        </message>
        <message>
            <source>Data: not kept (disabled)</source>
            <translation>Daten: nicht aufbewahrt (deaktiviert)</translation>
        </message>
        <message>
            <source>The database is disabled: sessions and metrics stay in memory.</source>
            <translation>Die Datenbank ist deaktiviert: Sitzungen und Messwerte bleiben im Speicher.</translation>
        </message>
        <message>
            <source>Data: not kept (database unavailable)</source>
            <translation>Daten: nicht aufbewahrt (Datenbank nicht verfügbar)</translation>
        </message>
        <message>
            <source>Sessions and metrics are not kept: %1</source>
            <translation>Sitzungen und Messwerte werden nicht aufbewahrt: %1</translation>
        </message>
        <message>
            <source>open: sessions, metrics and cached answers are kept</source>
            <translation>geöffnet: Sitzungen, Messwerte und zwischengespeicherte Antworten werden aufbewahrt</translation>
        </message>
        <message>
            <source>disabled: nothing is kept</source>
            <translation>deaktiviert: nichts wird aufbewahrt</translation>
        </message>
        <message>
            <source>not open: sessions and metrics are not kept</source>
            <translation>nicht geöffnet: Sitzungen und Messwerte werden nicht aufbewahrt</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>Datenbank: %1</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>State: %1</source>
            <translation>Zustand: %1</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Grund: %1</translation>
        </message>
        <message>
            <source>Database Unavailable</source>
            <translation>Datenbank nicht verfügbar</translation>
        </message>
        <message>
            <source>Until then, sessions and metrics are not kept.</source>
            <translation>Bis dahin werden Sitzungen und Messwerte nicht aufbewahrt.</translation>
        </message>
        <message>
            <source>The database %1 cannot be opened: it is damaged or not a Workflow Studio database.</source>
            <translation>Die Datenbank %1 kann nicht geöffnet werden: Sie ist beschädigt oder keine Workflow-Studio-Datenbank.</translation>
        </message>
        <message>
            <source>Move it aside (it is renamed, nothing is deleted) and start with a fresh database? %1</source>
            <translation>Beiseitelegen (sie wird umbenannt, nichts wird gelöscht) und mit einer neuen Datenbank beginnen? %1</translation>
        </message>
        <message>
            <source>Move Aside and Start Fresh</source>
            <translation>Beiseitelegen und neu beginnen</translation>
        </message>
        <message>
            <source>Continue Without Saving Data</source>
            <translation>Ohne Datenspeicherung fortfahren</translation>
        </message>
        <message>
            <source>The database %1 was written by a newer version of Workflow Studio. This version leaves it untouched.</source>
            <translation>Die Datenbank %1 wurde von einer neueren Version von Workflow Studio geschrieben. Diese Version lässt sie unverändert.</translation>
        </message>
        <message>
            <source>Keep it for the newer version and continue without saving data, or move it aside (it is renamed, nothing is deleted) and start with a fresh database.</source>
            <translation>Für die neuere Version behalten und ohne Datenspeicherung fortfahren, oder beiseitelegen (sie wird umbenannt, nichts wird gelöscht) und mit einer neuen Datenbank beginnen.</translation>
        </message>
        <message>
            <source>Keep It and Continue Without Saving Data</source>
            <translation>Behalten und ohne Datenspeicherung fortfahren</translation>
        </message>
        <message>
            <source>The database %1 is in a read-only place: sessions and metrics cannot be kept.</source>
            <translation>Die Datenbank %1 liegt an einem schreibgeschützten Ort: Sitzungen und Messwerte können nicht aufbewahrt werden.</translation>
        </message>
        <message>
            <source>The file cannot be moved aside there either. Make the folder writable and choose Retry, or continue without saving data.</source>
            <translation>Die Datei kann dort auch nicht beiseitegelegt werden. Machen Sie den Ordner beschreibbar und wählen Sie „Erneut versuchen“, oder fahren Sie ohne Datenspeicherung fort.</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <source>The database %1 cannot be opened.</source>
            <translation>Die Datenbank %1 kann nicht geöffnet werden.</translation>
        </message>
        <message>
            <source>Move it aside (it is renamed, nothing is deleted) and start with a fresh database, or retry once the cause is fixed. %1</source>
            <translation>Beiseitelegen (sie wird umbenannt, nichts wird gelöscht) und mit einer neuen Datenbank beginnen, oder erneut versuchen, sobald die Ursache behoben ist. %1</translation>
        </message>
        <message>
            <source>Retry once the cause is fixed, or continue without saving data.</source>
            <translation>Erneut versuchen, sobald die Ursache behoben ist, oder ohne Datenspeicherung fortfahren.</translation>
        </message>
        <message>
            <source>Workflow Studio goes on without keeping sessions and metrics.</source>
            <translation>Workflow Studio arbeitet weiter, ohne Sitzungen und Messwerte aufzubewahren.</translation>
        </message>
        <message>
            <source>The database was not moved aside: %1

%2</source>
            <translation>Die Datenbank wurde nicht beiseitegelegt: %1

%2</translation>
        </message>
        <message>
            <source>The damaged database was moved aside to %1, but a fresh one cannot be opened: %2

%3</source>
            <translation>Die beschädigte Datenbank wurde nach %1 beiseitegelegt, aber eine neue kann nicht geöffnet werden: %2

%3</translation>
        </message>
        <message>
            <source>The damaged database was kept as %1; a fresh database is in use.</source>
            <translation>Die beschädigte Datenbank wurde als %1 aufbewahrt; eine neue Datenbank ist in Gebrauch.</translation>
        </message>
        <message>
            <source>The database still cannot be opened: %1

%2</source>
            <translation>Die Datenbank kann weiterhin nicht geöffnet werden: %1

%2</translation>
        </message>
        <message>
            <source>The database is open; sessions and metrics are kept.</source>
            <translation>Die Datenbank ist geöffnet; Sitzungen und Messwerte werden aufbewahrt.</translation>
        </message>
        <message>
            <source>Heat Map</source>
            <translation>Heatmap</translation>
        </message>
        <message>
            <source>Team store: %1</source>
            <translation>Team-Speicher: %1</translation>
        </message>
        <message>
            <source>Sessions, metrics and published workflows are shared with the team server&apos;s instances in %1; the Sessions list, heat map and dashboard (View: Team fleet) show all of them.</source>
            <translation>Sitzungen, Messwerte und veröffentlichte Workflows werden mit den Instanzen des Team-Servers in %1 geteilt; die Sitzungsliste, die Heatmap und das Dashboard (Ansicht: Team-Flotte) zeigen sie alle.</translation>
        </message>
        <message>
            <source>Team store: not reachable (retrying)</source>
            <translation>Team-Speicher: nicht erreichbar (neuer Versuch läuft)</translation>
        </message>
        <message>
            <source>The team store %1 cannot be reached: %2. The studio works from memory and connects by itself when the store is back.</source>
            <translation>Der Team-Speicher %1 ist nicht erreichbar: %2. Das Studio arbeitet aus dem Speicher und verbindet sich selbst, sobald er wieder da ist.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ConditionEditor</name>
        <message>
            <source>+ Condition</source>
            <translation>+ Bedingung</translation>
        </message>
        <message>
            <source>+ Group</source>
            <translation>+ Gruppe</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Variable / group</source>
            <translation>Variable / Gruppe</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Add a “variable operator value” test</source>
            <translation>Einen Test „Variable Operator Wert“ hinzufügen</translation>
        </message>
        <message>
            <source>Add an “all of” (and) group</source>
            <translation>Eine Gruppe „alle“ (und) hinzufügen</translation>
        </message>
        <message>
            <source>variable</source>
            <translation>Variable</translation>
        </message>
        <message>
            <source>is truthy</source>
            <translation>ist wahr</translation>
        </message>
        <message>
            <source>value, e.g. Large, 3, true</source>
            <translation>Wert, z. B. Large, 3, true</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>all of (and)</source>
            <translation>alle (und)</translation>
        </message>
        <message>
            <source>any of (or)</source>
            <translation>mindestens eine (oder)</translation>
        </message>
        <message>
            <source>not</source>
            <translation>nicht</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ConditionText</name>
        <message>
            <source>always</source>
            <translation>immer</translation>
        </message>
        <message>
            <source>and</source>
            <translation>und</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>or</source>
            <translation>oder</translation>
        </message>
        <message>
            <source>not %1</source>
            <translation>nicht %1</translation>
        </message>
        <message>
            <source>invalid loop configuration</source>
            <translation>ungültige Schleifenkonfiguration</translation>
        </message>
        <message>
            <source>(no condition)</source>
            <translation>(keine Bedingung)</translation>
        </message>
        <message>
            <source>for %1 times</source>
            <translation>%1-mal</translation>
        </message>
        <message>
            <source>for each %1 in %2</source>
            <translation>für jedes %1 in %2</translation>
        </message>
        <message>
            <source>max %1</source>
            <translation>max. %1</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ConnectAgentDialog</name>
        <message>
            <source>Connect an Agent</source>
            <translation>Einen Agenten verbinden</translation>
        </message>
        <message>
            <source>Workflow Studio serves its workflows over the Model Context Protocol. Copy the configuration for your agent; the stdio variants start &lt;code&gt;wfstudio mcp&lt;/code&gt;, the HTTP variants talk to the listener of this running studio.</source>
            <translation>Workflow Studio stellt seine Workflows über das Model Context Protocol bereit. Kopieren Sie die Konfiguration für Ihren Agenten; die stdio-Varianten starten &lt;code&gt;wfstudio mcp&lt;/code&gt;, die HTTP-Varianten sprechen mit dem Listener dieses laufenden Studios.</translation>
        </message>
        <message>
            <source>Add this to &lt;b&gt;claude_desktop_config.json&lt;/b&gt; (Claude Desktop: Settings → Developer → Edit Config), then restart Claude Desktop.</source>
            <translation>Fügen Sie dies in &lt;b&gt;claude_desktop_config.json&lt;/b&gt; ein (Claude Desktop: Einstellungen → Entwickler → Konfiguration bearbeiten) und starten Sie Claude Desktop neu.</translation>
        </message>
        <message>
            <source>Claude Desktop</source>
            <translation>Claude Desktop</translation>
        </message>
        <message>
            <source>Run this in a terminal (add &lt;code&gt;--scope user&lt;/code&gt; after &lt;code&gt;add&lt;/code&gt; to use it in every project).</source>
            <translation>Führen Sie dies in einem Terminal aus (mit &lt;code&gt;--scope user&lt;/code&gt; nach &lt;code&gt;add&lt;/code&gt; gilt es für alle Projekte).</translation>
        </message>
        <message>
            <source>Claude Code</source>
            <translation>Claude Code</translation>
        </message>
        <message>
            <source>Save as &lt;b&gt;.vscode/mcp.json&lt;/b&gt; in your workspace (stdio: VS Code starts the server itself).</source>
            <translation>Als &lt;b&gt;.vscode/mcp.json&lt;/b&gt; in Ihrem Arbeitsbereich speichern (stdio: VS Code startet den Server selbst).</translation>
        </message>
        <message>
            <source>Or connect to the listener of this running studio over HTTP:</source>
            <translation>Oder per HTTP mit dem Listener dieses laufenden Studios verbinden:</translation>
        </message>
        <message>
            <source>VS Code</source>
            <translation>VS Code</translation>
        </message>
        <message>
            <source>Any MCP client that speaks Streamable HTTP: point it at this URL and send the bearer token. The listener runs while the studio is open.</source>
            <translation>Jeder MCP-Client, der Streamable HTTP spricht: auf diese URL richten und das Bearer-Token senden. Der Listener läuft, solange das Studio geöffnet ist.</translation>
        </message>
        <message>
            <source>Other Clients (HTTP)</source>
            <translation>Andere Clients (HTTP)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Kopiert</translation>
        </message>
        <message>
            <source>Listener: %1 (running, bearer token required)</source>
            <translation>Listener: %1 (läuft, Bearer-Token erforderlich)</translation>
        </message>
        <message>
            <source>Listener: not running — %1. The stdio configurations work without it; for HTTP, turn the listener on in Settings and restart the studio.</source>
            <translation>Listener: läuft nicht – %1. Die stdio-Konfigurationen funktionieren ohne ihn; für HTTP schalten Sie den Listener in den Einstellungen ein und starten das Studio neu.</translation>
        </message>
        <message>
            <source>the MCP listener is off</source>
            <translation>der MCP-Listener ist aus</translation>
        </message>
        <message>
            <source>The MCP listener of this studio is not running (%1), so there is no HTTP address to connect to.
</source>
            <translation>Der MCP-Listener dieses Studios läuft nicht (%1), daher gibt es keine HTTP-Adresse zum Verbinden.
</translation>
        </message>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ContextEditor</name>
        <message>
            <source>Variable</source>
            <translation>Variable</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>The context the agent sends back with the next workflow_next call. Values: text (Large), 42, true, null, [1, 2], {"a": 1}; pick “text” in the value's type box to make true or 42 a string.</source>
            <translation>Der Kontext, den der Agent mit dem nächsten Aufruf von workflow_next zurücksendet. Werte: Text (Large), 42, true, null, [1, 2], {"a": 1}; „Text“ im Typfeld des Werts wählen, damit true oder 42 eine Zeichenkette wird.</translation>
        </message>
        <message>
            <source>Add Variable</source>
            <translation>Variable hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Row %1: the variable needs a name.</source>
            <translation>Zeile %1: Die Variable braucht einen Namen.</translation>
        </message>
        <message>
            <source>Row %1: variable “%2” appears twice.</source>
            <translation>Zeile %1: Die Variable „%2“ kommt doppelt vor.</translation>
        </message>
        <message>
            <source>Row %1 (“%2”): %3</source>
            <translation>Zeile %1 („%2“): %3</translation>
        </message>
        <message>
            <source>invalid JSON value at %1</source>
            <translation>ungültiger JSON-Wert bei %1</translation>
        </message>
        <message>
            <source>Variables whose names start with “_” are the engine's bookkeeping (loop state, warnings): sent back as they are</source>
            <translation>Variablen, deren Name mit „_“ beginnt, sind die Buchführung der Engine (Schleifenzustand, Warnungen): Sie werden unverändert zurückgesendet</translation>
        </message>
        <message>
            <source>Internal variables (%1)</source>
            <translation>Interne Variablen (%1)</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::DashboardWidget</name>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Als CSV exportieren…</translation>
        </message>
        <message>
            <source>Export Dashboard Data</source>
            <translation>Dashboard-Daten exportieren</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Diagramme</translation>
        </message>
        <message>
            <source>Request Log</source>
            <translation>Anfrageprotokoll</translation>
        </message>
        <message>
            <source>Load Test</source>
            <translation>Lasttest</translation>
        </message>
        <message>
            <source>Export Chart as PNG…</source>
            <translation>Diagramm als PNG exportieren…</translation>
        </message>
        <message>
            <source>Export Chart</source>
            <translation>Diagramm exportieren</translation>
        </message>
        <message>
            <source>PNG (*.png)</source>
            <translation>PNG (*.png)</translation>
        </message>
        <message>
            <source>L1</source>
            <translation>L1</translation>
        </message>
        <message>
            <source>L2</source>
            <translation>L2</translation>
        </message>
        <message>
            <source>Overall</source>
            <translation>Gesamt</translation>
        </message>
        <message>
            <source>RSS</source>
            <translation>RSS</translation>
        </message>
        <message>
            <source>Heap</source>
            <translation>Heap</translation>
        </message>
        <message>
            <source>Requests/s</source>
            <translation>Anfragen/s</translation>
        </message>
        <message>
            <source>req/s</source>
            <translation>Anfr./s</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>Paused — samples are still collected</source>
            <translation>Pausiert – Messwerte werden weiter erfasst</translation>
        </message>
        <message>
            <source>%1: cannot write the PNG file</source>
            <translation>%1: Die PNG-Datei kann nicht geschrieben werden</translation>
        </message>
        <message>
            <source>Last minute</source>
            <translation>Letzte Minute</translation>
        </message>
        <message>
            <source>Last 5 minutes</source>
            <translation>Letzte 5 Minuten</translation>
        </message>
        <message>
            <source>Last 15 minutes</source>
            <translation>Letzte 15 Minuten</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>Letzte Stunde</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Letzte 24 Stunden</translation>
        </message>
        <message>
            <source>The time range of the charts; drag across a chart to zoom in, double-click to return to the live range</source>
            <translation>Der Zeitraum der Diagramme; über ein Diagramm ziehen zum Vergrößern, Doppelklick kehrt zum Live-Zeitraum zurück</translation>
        </message>
        <message>
            <source>Reset Zoom</source>
            <translation>Zoom zurücksetzen</translation>
        </message>
        <message>
            <source>The operation whose latency percentiles the latency chart shows</source>
            <translation>Die Operation, deren Latenz-Perzentile das Latenzdiagramm zeigt</translation>
        </message>
        <message>
            <source>Log latency axis</source>
            <translation>Logarithmische Latenzachse</translation>
        </message>
        <message>
            <source>Latency of:</source>
            <translation>Latenz von:</translation>
        </message>
        <message>
            <source>Cache hit rate</source>
            <translation>Cache-Trefferquote</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>Requests/s and errors by kind</source>
            <translation>Anfragen/s und Fehler nach Art</translation>
        </message>
        <message>
            <source>Drag across the chart to zoom in, double-click to reset; right-click to export it as PNG</source>
            <translation>Über das Diagramm ziehen zum Vergrößern, Doppelklick setzt zurück; Rechtsklick exportiert es als PNG</translation>
        </message>
        <message>
            <source>Transport errors</source>
            <translation>Transportfehler</translation>
        </message>
        <message>
            <source>Protocol errors</source>
            <translation>Protokollfehler</translation>
        </message>
        <message>
            <source>Tool errors</source>
            <translation>Werkzeugfehler</translation>
        </message>
        <message>
            <source>Latency of %1</source>
            <translation>Latenz von %1</translation>
        </message>
        <message>
            <source>budget: %1</source>
            <translation>Budget: %1</translation>
        </message>
        <message>
            <source>Zoomed: %1 – %2 (double-click a chart to reset)</source>
            <translation>Vergrößert: %1 – %2 (Doppelklick auf ein Diagramm setzt zurück)</translation>
        </message>
        <message>
            <source>Cache budget (L1, %1 MB)</source>
            <translation>Cache-Budget (L1, %1 MB)</translation>
        </message>
        <message>
            <source>&amp;View:</source>
            <translation>&amp;Ansicht:</translation>
        </message>
        <message>
            <source>This studio&apos;s own figures, the whole team fleet, or one instance of it</source>
            <translation>Die Zahlen dieses Studios, die ganze Team-Flotte oder eine ihrer Instanzen</translation>
        </message>
        <message>
            <source>This studio</source>
            <translation>Dieses Studio</translation>
        </message>
        <message>
            <source>Instance</source>
            <translation>Instanz</translation>
        </message>
        <message>
            <source>Last report</source>
            <translation>Letzte Meldung</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>workflow_next p50</source>
            <translation>workflow_next p50</translation>
        </message>
        <message>
            <source>p99</source>
            <translation>p99</translation>
        </message>
        <message>
            <source>L1 hits</source>
            <translation>L1-Treffer</translation>
        </message>
        <message>
            <source>Every instance writing into the team store, over the last minute; double-click one to chart it alone</source>
            <translation>Jede Instanz, die in den Team-Speicher schreibt, über die letzte Minute; Doppelklick zeigt eine allein in den Diagrammen</translation>
        </message>
        <message>
            <source>Instances</source>
            <translation>Instanzen</translation>
        </message>
        <message>
            <source>Team store: %1</source>
            <translation>Team-Speicher: %1</translation>
        </message>
        <message numerus="yes">
            <source>Team fleet (%n instance(s))</source>
            <translation>
                <numerusform>Team-Flotte (%n Instanz)</numerusform>
                <numerusform>Team-Flotte (%n Instanzen)</numerusform>
            </translation>
        </message>
        <message>
            <source>Instance %1</source>
            <translation>Instanz %1</translation>
        </message>
        <message numerus="yes">
            <source>%n s ago</source>
            <translation>
                <numerusform>vor %n s</numerusform>
                <numerusform>vor %n s</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No report for %n s: the instance is down or cannot reach the store</source>
            <translation>
                <numerusform>Seit %n s keine Meldung: Die Instanz ist ausgefallen oder erreicht den Speicher nicht</numerusform>
                <numerusform>Seit %n s keine Meldung: Die Instanz ist ausgefallen oder erreicht den Speicher nicht</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::DeleteStepsCommand</name>
        <message>
            <source>Delete step %1</source>
            <translation>Schritt %1 löschen</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n step(s)</source>
            <translation>
                <numerusform>%n Schritt löschen</numerusform>
                <numerusform>%n Schritte löschen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::EditorPage</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>%1 was deleted or moved by another program. The workflow stays open here; save it to write the file again.</source>
            <translation>%1 wurde von einem anderen Programm gelöscht oder verschoben. Der Workflow bleibt hier geöffnet; speichern Sie ihn, um die Datei neu zu schreiben.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::HeatMapPanel</name>
        <message>
            <source>Show on canvas</source>
            <translation>Auf der Arbeitsfläche zeigen</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>Erreicht</translation>
        </message>
        <message>
            <source>Stopped here</source>
            <translation>Hier beendet</translation>
        </message>
        <message>
            <source>Think time p50</source>
            <translation>Denkzeit p50</translation>
        </message>
        <message>
            <source>Think time p95</source>
            <translation>Denkzeit p95</translation>
        </message>
        <message>
            <source>Validation failures</source>
            <translation>Validierungsfehler</translation>
        </message>
        <message>
            <source>Loop passes</source>
            <translation>Schleifendurchläufe</translation>
        </message>
        <message>
            <source>What the canvas is coloured by</source>
            <translation>Wonach die Arbeitsfläche eingefärbt wird</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Gesamter Zeitraum</translation>
        </message>
        <message>
            <source>Last 15 minutes</source>
            <translation>Letzte 15 Minuten</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>Letzte Stunde</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Letzte 24 Stunden</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Letzte 7 Tage</translation>
        </message>
        <message>
            <source>Sessions active in this period</source>
            <translation>Sitzungen, die in diesem Zeitraum aktiv waren</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>Alle Clients</translation>
        </message>
        <message>
            <source>Sessions of this client only</source>
            <translation>Nur Sitzungen dieses Clients</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>Think p50</source>
            <translation>Denkzeit p50</translation>
        </message>
        <message>
            <source>Think p95</source>
            <translation>Denkzeit p95</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>Wiederholungen</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Colour by:</source>
            <translation>Einfärben nach:</translation>
        </message>
        <message>
            <source>Client:</source>
            <translation>Client:</translation>
        </message>
        <message>
            <source>Sessions:</source>
            <translation>Sitzungen:</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>Open a workflow to see how sessions moved through it.</source>
            <translation>Öffnen Sie einen Workflow, um zu sehen, wie Sitzungen ihn durchlaufen haben.</translation>
        </message>
        <message>
            <source>No database: sessions are not recorded.</source>
            <translation>Keine Datenbank: Sitzungen werden nicht aufgezeichnet.</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) of %1</source>
            <translation>
                <numerusform>%n Sitzung von %1</numerusform>
                <numerusform>%n Sitzungen von %1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: reached by %2 session(s), %3 stopped here</source>
            <translation>%1: von %2 Sitzung(en) erreicht, %3 hier beendet</translation>
        </message>
        <message>
            <source>Think time p50 %1, p95 %2</source>
            <translation>Denkzeit p50 %1, p95 %2</translation>
        </message>
        <message>
            <source>Validation failures %1 (retries %2), loop passes %3</source>
            <translation>Validierungsfehler %1 (Wiederholungen %2), Schleifendurchläufe %3</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::InsertStepsCommand</name>
        <message>
            <source>Insert step %1</source>
            <translation>Schritt %1 einfügen</translation>
        </message>
        <message>
            <source>Insert loop %1</source>
            <translation>Schleife %1 einfügen</translation>
        </message>
        <message numerus="yes">
            <source>Paste %n step(s)</source>
            <translation>
                <numerusform>%n Schritt einfügen</numerusform>
                <numerusform>%n Schritte einfügen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::InspectorWidget</name>
        <message>
            <source>Nothing selected</source>
            <translation>Nichts ausgewählt</translation>
        </message>
        <message>
            <source>Workflow · %1</source>
            <translation>Workflow · %1</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>lowercase-with-dashes</source>
            <translation>kleinbuchstaben-mit-bindestrichen</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>SemVer, e.g. 1.0.0</source>
            <translation>SemVer, z. B. 1.0.0</translation>
        </message>
        <message>
            <source>Preconditions</source>
            <translation>Vorbedingungen</translation>
        </message>
        <message>
            <source>Clarification prompts</source>
            <translation>Rückfragen</translation>
        </message>
        <message>
            <source>Meta guidance</source>
            <translation>Meta-Hinweise</translation>
        </message>
        <message>
            <source>Function definitions</source>
            <translation>Funktionsdefinitionen</translation>
        </message>
        <message>
            <source>Step · %1</source>
            <translation>Schritt · %1</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Agent role</source>
            <translation>Agentenrolle</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>Ask for files</source>
            <translation>Nach Dateien fragen</translation>
        </message>
        <message>
            <source>Has validation</source>
            <translation>Hat Validierung</translation>
        </message>
        <message>
            <source>Require confirmation</source>
            <translation>Bestätigung erforderlich</translation>
        </message>
        <message>
            <source>Run condition</source>
            <translation>Ausführungsbedingung</translation>
        </message>
        <message>
            <source>Run only when</source>
            <translation>Nur ausführen, wenn</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validierung</translation>
        </message>
        <message>
            <source>Validation criteria</source>
            <translation>Validierungskriterien</translation>
        </message>
        <message>
            <source>Functions</source>
            <translation>Funktionen</translation>
        </message>
        <message>
            <source>Function references</source>
            <translation>Funktionsverweise</translation>
        </message>
        <message>
            <source>Function calls</source>
            <translation>Funktionsaufrufe</translation>
        </message>
        <message>
            <source>Loop · %1</source>
            <translation>Schleife · %1</translation>
        </message>
        <message>
            <source>Loop type</source>
            <translation>Schleifentyp</translation>
        </message>
        <message>
            <source>Max iterations</source>
            <translation>Max. Durchläufe</translation>
        </message>
        <message>
            <source>1–1000</source>
            <translation>1–1000</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>Bedingung</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Anzahl</translation>
        </message>
        <message>
            <source>a number or a context variable name</source>
            <translation>eine Zahl oder der Name einer Kontextvariablen</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Elemente</translation>
        </message>
        <message>
            <source>context variable holding an array</source>
            <translation>Kontextvariable mit einem Array</translation>
        </message>
        <message>
            <source>Iteration variable</source>
            <translation>Iterationsvariable</translation>
        </message>
        <message>
            <source>currentIteration</source>
            <translation>currentIteration</translation>
        </message>
        <message>
            <source>Item variable</source>
            <translation>Elementvariable</translation>
        </message>
        <message>
            <source>currentItem</source>
            <translation>currentItem</translation>
        </message>
        <message>
            <source>Index variable</source>
            <translation>Indexvariable</translation>
        </message>
        <message>
            <source>currentIndex</source>
            <translation>currentIndex</translation>
        </message>
        <message>
            <source>Body step id</source>
            <translation>ID des Rumpfschritts</translation>
        </message>
        <message>
            <source>one entry per line</source>
            <translation>ein Eintrag pro Zeile</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Nicht gesetzt</translation>
        </message>
        <message>
            <source>Always (true)</source>
            <translation>Immer (true)</translation>
        </message>
        <message>
            <source>Never (false)</source>
            <translation>Nie (false)</translation>
        </message>
        <message>
            <source>When a condition holds</source>
            <translation>Wenn eine Bedingung gilt</translation>
        </message>
        <message>
            <source>JSON; empty = absent</source>
            <translation>JSON; leer = nicht vorhanden</translation>
        </message>
        <message>
            <source>Not applied: %1:%2: %3</source>
            <translation>Nicht übernommen: %1:%2: %3</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::JsonValueEdit</name>
        <message>
            <source>The value's JSON type: abc text, 123 number, t/f true or false, null, { } object or array. It follows what you type (Large is text, true a boolean, 3 a number, "3" text) until you pick one here: pick abc to make true or 3 a string.</source>
            <translation>Der JSON-Typ des Werts: abc Text, 123 Zahl, t/f wahr oder falsch, null, { } Objekt oder Array. Er folgt der Eingabe (Large ist Text, true ein Wahrheitswert, 3 eine Zahl, "3" Text), bis hier einer gewählt wird: abc wählen, damit true oder 3 eine Zeichenkette wird.</translation>
        </message>
        <message>
            <source>text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>number</source>
            <translation>Zahl</translation>
        </message>
        <message>
            <source>true/false</source>
            <translation>wahr/falsch</translation>
        </message>
        <message>
            <source>null</source>
            <translation>null</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>automatisch</translation>
        </message>
        <message>
            <source>%1 value</source>
            <translation>Wert vom Typ %1</translation>
        </message>
        <message>
            <source>Not a valid value: %1</source>
            <translation>Kein gültiger Wert: %1</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::JsonView</name>
        <message>
            <source>Line %1, column %2: %3 — the canvas keeps the last valid version.</source>
            <translation>Zeile %1, Spalte %2: %3 – die Zeichenfläche behält die letzte gültige Fassung.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::LibraryWidget</name>
        <message>
            <source>Bundled samples</source>
            <translation>Mitgelieferte Beispiele</translation>
        </message>
        <message>
            <source>My workflows (%1)</source>
            <translation>Meine Workflows (%1)</translation>
        </message>
        <message>
            <source>Search workflows (names, steps, prompts)…</source>
            <translation>Workflows durchsuchen (Namen, Schritte, Prompts)…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Open the selected workflow</source>
            <translation>Den ausgewählten Workflow öffnen</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplizieren</translation>
        </message>
        <message>
            <source>Copy the selected workflow into %1</source>
            <translation>Den ausgewählten Workflow nach %1 kopieren</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Delete the selected workflow's file</source>
            <translation>Die Datei des ausgewählten Workflows löschen</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Importieren…</translation>
        </message>
        <message>
            <source>Copy every workflow of a folder into %1</source>
            <translation>Alle Workflows eines Ordners nach %1 kopieren</translation>
        </message>
        <message>
            <source>Delete File…</source>
            <translation>Datei löschen…</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>Cannot read %1.</source>
            <translation>%1 kann nicht gelesen werden.</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (Kopie)</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Duplicated as %1</source>
            <translation>Dupliziert als %1</translation>
        </message>
        <message>
            <source>“%1” is bundled with the application and cannot be deleted.</source>
            <translation>„%1“ wird mit der Anwendung geliefert und kann nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>Delete Workflow</source>
            <translation>Workflow löschen</translation>
        </message>
        <message>
            <source>Delete the file %1?
This cannot be undone.</source>
            <translation>Die Datei %1 löschen?
Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>Cannot delete %1.</source>
            <translation>%1 kann nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>Deleted %1</source>
            <translation>%1 gelöscht</translation>
        </message>
        <message>
            <source>Import Workflows</source>
            <translation>Workflows importieren</translation>
        </message>
        <message>
            <source>Importing workflows…</source>
            <translation>Workflows werden importiert…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>%1: not a workflow (no "id")</source>
            <translation>%1: kein Workflow (kein "id")</translation>
        </message>
        <message>
            <source>%1: cannot copy to %2</source>
            <translation>%1: kann nicht nach %2 kopiert werden</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n workflow(s)</source>
            <translation>
                <numerusform>%n Workflow importiert</numerusform>
                <numerusform>%n Workflows importiert</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Imported %1 of %2 files. Skipped:
%3</source>
            <translation>%1 von %2 Dateien importiert. Übersprungen:
%3</translation>
        </message>
        <message>
            <source>the search index could not be created: %1</source>
            <translation>der Suchindex konnte nicht angelegt werden: %1</translation>
        </message>
        <message>
            <source>the search index could not be updated: %1</source>
            <translation>der Suchindex konnte nicht aktualisiert werden: %1</translation>
        </message>
        <message>
            <source>Search: %1.</source>
            <translation>Suche: %1.</translation>
        </message>
        <message>
            <source>Search is unavailable (%1). Showing every workflow.</source>
            <translation>Die Suche ist nicht verfügbar (%1). Alle Workflows werden angezeigt.</translation>
        </message>
        <message>
            <source>Search failed: %1. Showing every workflow.</source>
            <translation>Die Suche ist fehlgeschlagen: %1. Alle Workflows werden angezeigt.</translation>
        </message>
        <message>
            <source>No workflow matches “%1”.</source>
            <translation>Kein Workflow passt zu „%1“.</translation>
        </message>
        <message numerus="yes">
            <source>%n workflow(s) match “%1”.</source>
            <translation>
                <numerusform>%n Workflow passt zu „%1“.</numerusform>
                <numerusform>%n Workflows passen zu „%1“.</numerusform>
            </translation>
        </message>
        <message>
            <source>Published on the team server</source>
            <translation>Auf dem Team-Server veröffentlicht</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::LoadTestPanel</name>
        <message>
            <source>Run Load Test</source>
            <translation>Lasttest starten</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <source>Seconds</source>
            <translation>Sekunden</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <source>Requests/s</source>
            <translation>Anfragen/s</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>L1 hit %</source>
            <translation>L1-Treffer %</translation>
        </message>
        <message>
            <source>Virtual users:</source>
            <translation>Virtuelle Benutzer:</translation>
        </message>
        <message>
            <source>Duration:</source>
            <translation>Dauer:</translation>
        </message>
        <message>
            <source>Mix:</source>
            <translation>Mischung:</translation>
        </message>
        <message>
            <source>Results:</source>
            <translation>Ergebnisse:</translation>
        </message>
        <message>
            <source>Load test failed: %1</source>
            <translation>Lasttest fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>Operation</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Anzahl</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>In-process (studio engine)</source>
            <translation>Im Prozess (Studio-Engine)</translation>
        </message>
        <message>
            <source>MCP HTTP listener</source>
            <translation>MCP-HTTP-Listener</translation>
        </message>
        <message>
            <source>Calls the studio's engine directly through its result cache: the charts and cache statistics move while the test runs</source>
            <translation>Ruft die Engine des Studios direkt über ihren Ergebnis-Cache auf: Diagramme und Cache-Statistik bewegen sich während des Tests</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> ms</translation>
        </message>
        <message>
            <source>none (closed loop)</source>
            <translation>keine (geschlossene Schleife)</translation>
        </message>
        <message>
            <source>Pause of each virtual user between two requests</source>
            <translation>Pause jedes virtuellen Benutzers zwischen zwei Anfragen</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>Think ms</source>
            <translation>Denkzeit ms</translation>
        </message>
        <message>
            <source>list p50/p95/p99 µs</source>
            <translation>list p50/p95/p99 µs</translation>
        </message>
        <message>
            <source>get p50/p95/p99 µs</source>
            <translation>get p50/p95/p99 µs</translation>
        </message>
        <message>
            <source>next p50/p95/p99 µs</source>
            <translation>next p50/p95/p99 µs</translation>
        </message>
        <message>
            <source>validate p50/p95/p99 µs</source>
            <translation>validate p50/p95/p99 µs</translation>
        </message>
        <message>
            <source>Target:</source>
            <translation>Ziel:</translation>
        </message>
        <message>
            <source>Think time:</source>
            <translation>Denkzeit:</translation>
        </message>
        <message>
            <source>40% workflow_list · 30% workflow_get · 20% workflow_next · 10% workflow_validate</source>
            <translation>40 % workflow_list · 30 % workflow_get · 20 % workflow_next · 10 % workflow_validate</translation>
        </message>
        <message>
            <source>Real JSON-RPC requests to %1 (one MCP session and keep-alive connection per virtual user)</source>
            <translation>Echte JSON-RPC-Anfragen an %1 (eine MCP-Sitzung und Keep-Alive-Verbindung je virtuellem Benutzer)</translation>
        </message>
        <message>
            <source>Unavailable: the MCP listener is off</source>
            <translation>Nicht verfügbar: Der MCP-Listener ist aus</translation>
        </message>
        <message>
            <source>Turn it on in File › Settings… and restart the studio.</source>
            <translation>Schalten Sie ihn unter Datei › Einstellungen… ein und starten Sie das Studio neu.</translation>
        </message>
        <message numerus="yes">
            <source>Running %n virtual user(s) against %1…</source>
            <translation>
                <numerusform>%n virtueller Benutzer läuft gegen %1…</numerusform>
                <numerusform>%n virtuelle Benutzer laufen gegen %1…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Running %n virtual user(s) in-process…</source>
            <translation>
                <numerusform>%n virtueller Benutzer läuft im Prozess…</numerusform>
                <numerusform>%n virtuelle Benutzer laufen im Prozess…</numerusform>
            </translation>
        </message>
        <message>
            <source>MCP HTTP</source>
            <translation>MCP-HTTP</translation>
        </message>
        <message>
            <source>In-process</source>
            <translation>Im Prozess</translation>
        </message>
        <message>
            <source>&lt;b&gt;Cancelled&lt;/b&gt; after %1 s.</source>
            <translation>&lt;b&gt;Abgebrochen&lt;/b&gt; nach %1 s.</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n user(s), think time %2 ms:</source>
            <translation>
                <numerusform>%1, %n Benutzer, Denkzeit %2 ms:</numerusform>
                <numerusform>%1, %n Benutzer, Denkzeit %2 ms:</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 requests in %2 s&lt;/b&gt;: &lt;b&gt;%3 req/s&lt;/b&gt;, %4 errors, RSS %5 MB, L1 hit rate %6 %</source>
            <translation>&lt;b&gt;%1 Anfragen in %2 s&lt;/b&gt;: &lt;b&gt;%3 Anfr./s&lt;/b&gt;, %4 Fehler, RSS %5 MB, L1-Trefferquote %6 %</translation>
        </message>
        <message>
            <source>Errors:</source>
            <translation>Fehler:</translation>
        </message>
        <message>
            <source> (cancelled)</source>
            <translation> (abgebrochen)</translation>
        </message>
        <message>
            <source>Repeated requests are answered from the cache after one pass; unique ones (contexts, completed steps and outputs drawn from the workflows) are computed every time</source>
            <translation>Wiederholte Anfragen werden nach einem Durchlauf aus dem Cache beantwortet; eindeutige (Kontexte, erledigte Schritte und Ausgaben aus den Workflows) werden jedes Mal berechnet</translation>
        </message>
        <message>
            <source>Request set</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <source>Requests:</source>
            <translation>Anfragen:</translation>
        </message>
        <message>
            <source>Varied (cache hits and misses)</source>
            <translation>Gemischt (Cache-Treffer und -Fehlschläge)</translation>
        </message>
        <message>
            <source>Repeated (cache hit path)</source>
            <translation>Wiederholt (Cache-Treffer)</translation>
        </message>
        <message>
            <source>Unique next/validate (miss path)</source>
            <translation>Eindeutige next/validate (ohne Cache)</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::MinimapView</name>
        <message>
            <source>Overview: click or drag to move the view</source>
            <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::MoveStepsCommand</name>
        <message>
            <source>Move steps</source>
            <translation>Schritte verschieben</translation>
        </message>
        <message>
            <source>Move step %1</source>
            <translation>Schritt %1 verschieben</translation>
        </message>
        <message numerus="yes">
            <source>Move %n step(s)</source>
            <translation>
                <numerusform>%n Schritt verschieben</numerusform>
                <numerusform>%n Schritte verschieben</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::NodeItem</name>
        <message>
            <source>no loop configuration</source>
            <translation>keine Schleifenkonfiguration</translation>
        </message>
        <message>
            <source>Repeats step “%1”</source>
            <translation>Wiederholt Schritt „%1“</translation>
        </message>
        <message>
            <source>Loop %1: %2</source>
            <translation>Schleife %1: %2</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>bestätigen</translation>
        </message>
        <message>
            <source>confirm if</source>
            <translation>bestätigen falls</translation>
        </message>
        <message>
            <source>files</source>
            <translation>Dateien</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>Validierung</translation>
        </message>
        <message>
            <source>role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>functions</source>
            <translation>Funktionen</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Aktueller Schritt</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Skipped: %1</source>
            <translation>Übersprungen: %1</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>übersprungen</translation>
        </message>
        <message>
            <source>⟳ %1</source>
            <translation>⟳ %1</translation>
        </message>
        <message>
            <source>Runs only when: %1</source>
            <translation>Läuft nur, wenn: %1</translation>
        </message>
        <message>
            <source>With the edited context: %1</source>
            <translation>Mit dem bearbeiteten Kontext: %1</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ProblemsPanel</name>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Ort</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>Gefunden von</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::RecoveryManager</name>
        <message>
            <source>Cannot lock %1: unsaved work may not be recoverable after a crash</source>
            <translation>%1 kann nicht gesperrt werden: Ungespeicherte Arbeit lässt sich nach einem Absturz womöglich nicht wiederherstellen</translation>
        </message>
        <message>
            <source>Recovery data of “%1” not saved: cannot create the folder %2</source>
            <translation>Wiederherstellungsdaten von „%1“ nicht gesichert: Der Ordner %2 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>Recovery data of “%1” not saved to %2: %3</source>
            <translation>Wiederherstellungsdaten von „%1“ nicht nach %2 gesichert: %3</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ReplaceJsonCommand</name>
        <message>
            <source>Edit JSON</source>
            <translation>JSON bearbeiten</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::RequestLogView</name>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Client / session</source>
            <translation>Client / Sitzung</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>Tool</source>
            <translation>Tool</translation>
        </message>
        <message>
            <source>Latency (ms)</source>
            <translation>Latenz (ms)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>The MCP listener is not running in this window: no requests to show.</source>
            <translation>Der MCP-Listener läuft in diesem Fenster nicht: keine Anfragen anzuzeigen.</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) in the log</source>
            <translation>
                <numerusform>%n Anfrage im Protokoll</numerusform>
                <numerusform>%n Anfragen im Protokoll</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n Fehler</numerusform>
                <numerusform>%n Fehler</numerusform>
            </translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <source>Filter (any column: client, method, tool, reason, “error”)…</source>
            <translation>Filter (jede Spalte: Client, Methode, Werkzeug, Grund, „error“)…</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Alle Status</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>Erfolgreich</translation>
        </message>
        <message>
            <source>4xx</source>
            <translation>4xx</translation>
        </message>
        <message>
            <source>5xx</source>
            <translation>5xx</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Alle Arten</translation>
        </message>
        <message>
            <source>Transport errors</source>
            <translation>Transportfehler</translation>
        </message>
        <message>
            <source>Protocol errors</source>
            <translation>Protokollfehler</translation>
        </message>
        <message>
            <source>Tool errors</source>
            <translation>Werkzeugfehler</translation>
        </message>
        <message>
            <source>All tools</source>
            <translation>Alle Werkzeuge</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>Alle Clients</translation>
        </message>
        <message>
            <source>%1 error</source>
            <translation>%1-Fehler</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::RunModeController</name>
        <message>
            <source>Stepper</source>
            <translation>Stepper</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sitzungen</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Lauf</translation>
        </message>
        <message>
            <source>&amp;Start Run</source>
            <translation>Lauf &amp;starten</translation>
        </message>
        <message>
            <source>Ctrl+R</source>
            <comment>start run</comment>
            <translation>Ctrl+R</translation>
        </message>
        <message>
            <source>Walk through the current workflow as an agent would</source>
            <translation>Den aktuellen Workflow so durchlaufen, wie es ein Agent tun würde</translation>
        </message>
        <message>
            <source>Stop &amp;Following</source>
            <translation>&amp;Verfolgen beenden</translation>
        </message>
        <message>
            <source>&amp;Clear Run Highlighting</source>
            <translation>Lauf-&amp;Hervorhebung entfernen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <comment>show dashboard</comment>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <source>Workflow “%1” is not served by the engine</source>
            <translation>Der Workflow „%1“ wird von der Engine nicht bereitgestellt</translation>
        </message>
        <message>
            <source>Resume Session</source>
            <translation>Sitzung fortsetzen</translation>
        </message>
        <message>
            <source>Open a workflow to run it</source>
            <translation>Öffnen Sie einen Workflow, um ihn auszuführen</translation>
        </message>
        <message>
            <source>Start Run</source>
            <translation>Lauf starten</translation>
        </message>
        <message>
            <source>The workflow needs an id to run.</source>
            <translation>Der Workflow braucht eine ID, um zu laufen.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::SessionsWidget</name>
        <message>
            <source>Session</source>
            <translation>Sitzung</translation>
        </message>
        <message>
            <source>Workflow</source>
            <translation>Workflow</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Aktueller Schritt</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Aktualisiert</translation>
        </message>
        <message>
            <source>Select a session to follow it on the canvas (read-only).</source>
            <translation>Wählen Sie eine Sitzung, um sie auf der Zeichenfläche zu verfolgen (schreibgeschützt).</translation>
        </message>
        <message>
            <source>&amp;Follow on Canvas</source>
            <translation>Auf der Zeichenfläche &amp;verfolgen</translation>
        </message>
        <message>
            <source>&amp;Resume in Stepper</source>
            <translation>Im Stepper &amp;fortsetzen</translation>
        </message>
        <message>
            <source>&amp;Delete Session</source>
            <translation>Sitzung &amp;löschen</translation>
        </message>
        <message>
            <source>Delete Session</source>
            <translation>Sitzung löschen</translation>
        </message>
        <message>
            <source>Delete session %1 and its history?</source>
            <translation>Sitzung %1 und ihren Verlauf löschen?</translation>
        </message>
        <message>
            <source>Resume in Stepper</source>
            <translation>Im Stepper fortsetzen</translation>
        </message>
        <message>
            <source>✓ complete</source>
            <translation>✓ abgeschlossen</translation>
        </message>
        <message numerus="yes">
            <source>%n tool call(s); created %1</source>
            <translation>
                <numerusform>%n Tool-Aufruf; erstellt %1</numerusform>
                <numerusform>%n Tool-Aufrufe; erstellt %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Replay: drag to see the step, what was sent and the answer at each call</source>
            <translation>Wiedergabe: ziehen, um Schritt, Gesendetes und Antwort jedes Aufrufs zu sehen</translation>
        </message>
        <message>
            <source>Select a session to replay its calls.</source>
            <translation>Wählen Sie eine Sitzung, um ihre Aufrufe wiederzugeben.</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Gesendet</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Antwort</translation>
        </message>
        <message>
            <source>No recorded calls for this session.</source>
            <translation>Für diese Sitzung sind keine Aufrufe aufgezeichnet.</translation>
        </message>
        <message>
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>%1 (loop %2, pass %3)</source>
            <translation>%1 (Schleife %2, Durchlauf %3)</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>gültig</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>ungültig</translation>
        </message>
        <message>
            <source>Call %1 of %2 · %3 · %4 → %5</source>
            <translation>Aufruf %1 von %2 · %3 · %4 → %5</translation>
        </message>
        <message>
            <source>no eligible step</source>
            <translation>kein ausführbarer Schritt</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::SetFieldCommand</name>
        <message>
            <source>Edit workflow %1</source>
            <translation>Workflow %1 bearbeiten</translation>
        </message>
        <message>
            <source>Edit %1 of %2</source>
            <translation>%1 von %2 bearbeiten</translation>
        </message>
        <message>
            <source>New step</source>
            <translation>Neuer Schritt</translation>
        </message>
        <message>
            <source>Describe what the agent should do.</source>
            <translation>Beschreiben Sie, was der Agent tun soll.</translation>
        </message>
        <message>
            <source>Loop step</source>
            <translation>Schleifenschritt</translation>
        </message>
        <message>
            <source>Describe one iteration.</source>
            <translation>Beschreiben Sie einen Durchlauf.</translation>
        </message>
        <message>
            <source>New loop</source>
            <translation>Neue Schleife</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::SettingsDialog</name>
        <message>
            <source>&amp;Start the MCP listener with the studio</source>
            <translation>MCP-Listener mit dem Studio &amp;starten</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>MCP listener</source>
            <translation>MCP-Listener</translation>
        </message>
        <message>
            <source>The address the HTTP listener binds to. 127.0.0.1 accepts only local clients.</source>
            <translation>Die Adresse, an die sich der HTTP-Listener bindet. 127.0.0.1 nimmt nur lokale Clients an.</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse:</translation>
        </message>
        <message>
            <source>any free port</source>
            <translation>beliebiger freier Port</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Verbergen</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Neu erzeugen</translation>
        </message>
        <message>
            <source>Bearer &amp;token:</source>
            <translation>Bearer-&amp;Token:</translation>
        </message>
        <message>
            <source>Listener changes take effect after a restart.</source>
            <translation>Änderungen am Listener gelten nach einem Neustart.</translation>
        </message>
        <message>
            <source>Workflow folders</source>
            <translation>Workflow-Ordner</translation>
        </message>
        <message>
            <source>Folders whose workflows the studio and the MCP listener serve, besides the bundled ones.</source>
            <translation>Ordner, deren Workflows das Studio und der MCP-Listener zusätzlich zu den mitgelieferten bereitstellen.</translation>
        </message>
        <message>
            <source>A&amp;dd…</source>
            <translation>&amp;Hinzufügen…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Hell</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dunkel</translation>
        </message>
        <message>
            <source>T&amp;heme:</source>
            <translation>&amp;Design:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>A new language applies after a restart.</source>
            <translation>Eine neue Sprache gilt nach einem Neustart.</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>How often unsaved work is written to the recovery folder.</source>
            <translation>Wie oft ungespeicherte Arbeit in den Wiederherstellungsordner geschrieben wird.</translation>
        </message>
        <message>
            <source>A&amp;utosave every:</source>
            <translation>Automatisch &amp;sichern alle:</translation>
        </message>
        <message>
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <source>Keep &amp;metrics for:</source>
            <translation>&amp;Messwerte aufbewahren:</translation>
        </message>
        <message>
            <source>Regenerate Token</source>
            <translation>Token neu erzeugen</translation>
        </message>
        <message>
            <source>Agents configured with the current token will be refused once the listener restarts. Generate a new token?</source>
            <translation>Agenten, die mit dem aktuellen Token eingerichtet sind, werden nach dem Neustart des Listeners abgewiesen. Ein neues Token erzeugen?</translation>
        </message>
        <message>
            <source>Add Workflow Folder</source>
            <translation>Workflow-Ordner hinzufügen</translation>
        </message>
        <message>
            <source>Folder changes apply at once: the Library and connected agents see them when you press OK or Apply.</source>
            <translation>Änderungen an den Ordnern gelten sofort: Die Bibliothek und verbundene Agenten sehen sie, sobald Sie OK oder Übernehmen drücken.</translation>
        </message>
        <message>
            <source>How long metrics samples are kept. Applies at once: older samples are deleted at the next save of the metrics.</source>
            <translation>Wie lange Metrik-Messwerte aufbewahrt werden. Gilt sofort: Ältere Messwerte werden beim nächsten Speichern der Metriken gelöscht.</translation>
        </message>
        <message>
            <source>How long agent sessions and their calls (Sessions, Heat Map, replay) are kept after their last call. At most the 10,000 most recent sessions are kept in any case.</source>
            <translation>Wie lange Agentensitzungen und ihre Aufrufe (Sitzungen, Heatmap, Wiedergabe) nach ihrem letzten Aufruf aufbewahrt werden. Höchstens die 10.000 neuesten Sitzungen werden in jedem Fall aufbewahrt.</translation>
        </message>
        <message>
            <source>Keep s&amp;essions for:</source>
            <translation>Sitzung&amp;en aufbewahren:</translation>
        </message>
        <message>
            <source>Test Co&amp;nnection</source>
            <translation>Verbi&amp;ndung testen</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>Team-Server</translation>
        </message>
        <message>
            <source>postgresql://user@host:5432/database</source>
            <translation>postgresql://benutzer@host:5432/datenbank</translation>
        </message>
        <message>
            <source>The team&apos;s PostgreSQL store that the wfstudio mcp instances share (their sessions, published workflows and metrics). Empty: this computer&apos;s own database.</source>
            <translation>Der PostgreSQL-Speicher des Teams, den sich die wfstudio-mcp-Instanzen teilen (ihre Sitzungen, veröffentlichten Workflows und Messwerte). Leer: die eigene Datenbank dieses Computers.</translation>
        </message>
        <message>
            <source>Team store (Post&amp;greSQL):</source>
            <translation>Team-Speicher (Post&amp;greSQL):</translation>
        </message>
        <message>
            <source>redis://host:6379/0</source>
            <translation>redis://host:6379/0</translation>
        </message>
        <message>
            <source>The team&apos;s shared Redis cache. Empty: none (this studio caches in memory and in its database).</source>
            <translation>Der gemeinsame Redis-Cache des Teams. Leer: keiner (dieses Studio speichert im Arbeitsspeicher und in seiner Datenbank zwischen).</translation>
        </message>
        <message>
            <source>Shared cache (Red&amp;is):</source>
            <translation>Gemeinsamer Cache (Red&amp;is):</translation>
        </message>
        <message>
            <source>Connects to the store and the cache now and says what it finds</source>
            <translation>Verbindet sich jetzt mit Speicher und Cache und meldet, was es vorfindet</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Speicher</translation>
        </message>
        <message numerus="yes">
            <source>%n instance(s) reporting</source>
            <translation>
                <numerusform>%n Instanz meldet sich</numerusform>
                <numerusform>%n Instanzen melden sich</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n workflow(s) published</source>
            <translation>
                <numerusform>%n Workflow veröffentlicht</numerusform>
                <numerusform>%n Workflows veröffentlicht</numerusform>
            </translation>
        </message>
        <message>
            <source>Cache</source>
            <translation>Cache</translation>
        </message>
        <message>
            <source>The studio joins the team server at its next start: its Sessions list, heat map and dashboard (View: Team fleet) then show every instance, and its own runs are kept in the team store.</source>
            <translation>Das Studio tritt dem Team-Server beim nächsten Start bei: Seine Sitzungsliste, Heatmap und sein Dashboard (Ansicht: Team-Flotte) zeigen dann jede Instanz, und seine eigenen Durchläufe werden im Team-Speicher aufbewahrt.</translation>
        </message>
        <message>
            <source>Team store: %1</source>
            <translation>Team-Speicher: %1</translation>
        </message>
        <message>
            <source>Shared cache: %1</source>
            <translation>Gemeinsamer Cache: %1</translation>
        </message>
        <message>
            <source>Saved: the studio joins %1 at its next start.</source>
            <translation>Gespeichert: Das Studio tritt beim nächsten Start %1 bei.</translation>
        </message>
        <message>
            <source>its own database</source>
            <translation>seiner eigenen Datenbank</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbindung wird hergestellt…</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::StepperPanel</name>
        <message>
            <source>The user confirmed this step</source>
            <translation>Der Benutzer hat diesen Schritt bestätigt</translation>
        </message>
        <message>
            <source>Start Run</source>
            <translation>Lauf starten</translation>
        </message>
        <message>
            <source>Va&amp;lidate</source>
            <translation>&amp;Prüfen</translation>
        </message>
        <message>
            <source>&amp;Complete Step</source>
            <translation>Schritt &amp;abschließen</translation>
        </message>
        <message>
            <source>Restart</source>
            <translation>Neu starten</translation>
        </message>
        <message>
            <source>Export Markdown…</source>
            <translation>Als Markdown exportieren…</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>Als JSON exportieren…</translation>
        </message>
        <message>
            <source>The agent's output for this step</source>
            <translation>Die Ausgabe des Agenten für diesen Schritt</translation>
        </message>
        <message>
            <source>Start a session on the workflow of the current tab</source>
            <translation>Eine Sitzung mit dem Workflow des aktuellen Tabs starten</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Durchlauf</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validierung</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Ausgabe</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Kontext</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Output:</source>
            <translation>Ausgabe:</translation>
        </message>
        <message>
            <source>Restart Run</source>
            <translation>Lauf neu starten</translation>
        </message>
        <message>
            <source>Start a new session on this workflow from the first step? The current session stays in the Sessions list.</source>
            <translation>Eine neue Sitzung mit diesem Workflow ab dem ersten Schritt starten? Die aktuelle Sitzung bleibt in der Sitzungsliste.</translation>
        </message>
        <message>
            <source>Export Run as Markdown</source>
            <translation>Lauf als Markdown exportieren</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>Export Run as JSON</source>
            <translation>Lauf als JSON exportieren</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>&lt;b style='color:#2e9d4f'&gt;✓ Valid&lt;/b&gt;</source>
            <translation>&lt;b style='color:#2e9d4f'&gt;✓ Gültig&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style='color:#d32f2f'&gt;✗ Not valid&lt;/b&gt;</source>
            <translation>&lt;b style='color:#d32f2f'&gt;✗ Nicht gültig&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Issues:</source>
            <translation>Befunde:</translation>
        </message>
        <message>
            <source>Suggestions:</source>
            <translation>Vorschläge:</translation>
        </message>
        <message>
            <source>This step needs the user's confirmation first.</source>
            <translation>Dieser Schritt braucht zuerst die Bestätigung des Benutzers.</translation>
        </message>
        <message>
            <source>Complete Step</source>
            <translation>Schritt abschließen</translation>
        </message>
        <message>
            <source>The output does not pass the step's validation. Complete the step anyway?</source>
            <translation>Die Ausgabe besteht die Validierung des Schritts nicht. Den Schritt trotzdem abschließen?</translation>
        </message>
        <message>
            <source>No run. Open a workflow and press Start Run (Run ▸ Start Run), or resume a session from the Sessions list.</source>
            <translation>Kein Lauf. Öffnen Sie einen Workflow und klicken Sie auf „Lauf starten“ (Lauf ▸ Lauf starten), oder setzen Sie eine Sitzung aus der Sitzungsliste fort.</translation>
        </message>
        <message numerus="yes">
            <source>Workflow &lt;b&gt;%1&lt;/b&gt; · session &lt;code&gt;%2&lt;/code&gt; · %n step(s) completed</source>
            <translation>
                <numerusform>Workflow &lt;b&gt;%1&lt;/b&gt; · Sitzung &lt;code&gt;%2&lt;/code&gt; · %n Schritt abgeschlossen</numerusform>
                <numerusform>Workflow &lt;b&gt;%1&lt;/b&gt; · Sitzung &lt;code&gt;%2&lt;/code&gt; · %n Schritte abgeschlossen</numerusform>
            </translation>
        </message>
        <message>
            <source>Agent role</source>
            <translation>Agentenrolle</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>Meta guidance</source>
            <translation>Meta-Hinweise</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>Bestätigung</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>No run</source>
            <translation>Kein Lauf</translation>
        </message>
        <message>
            <source>✓ Workflow complete</source>
            <translation>✓ Workflow abgeschlossen</translation>
        </message>
        <message>
            <source>No step</source>
            <translation>Kein Schritt</translation>
        </message>
        <message>
            <source>All steps are done. Export the run, or restart it.</source>
            <translation>Alle Schritte sind erledigt. Exportieren Sie den Lauf oder starten Sie ihn neu.</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>gültig</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>nicht gültig</translation>
        </message>
        <message>
            <source>Apply Edits</source>
            <translation>Änderungen übernehmen</translation>
        </message>
        <message>
            <source>Restart with Edits</source>
            <translation>Mit Änderungen neu starten</translation>
        </message>
        <message>
            <source>Ask for the &amp;Next Step</source>
            <translation>&amp;Nächsten Schritt anfordern</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Agent role, guidance, meta guidance, validation criteria and confirmation of this step</source>
            <translation>Agentenrolle, Hinweise, Meta-Hinweise, Prüfkriterien und Bestätigung dieses Schritts</translation>
        </message>
        <message>
            <source>Call workflow_next again with the edited context, as an agent does after setting the variables the run is waiting for</source>
            <translation>workflow_next erneut mit dem bearbeiteten Kontext aufrufen, wie ein Agent, nachdem er die Variablen gesetzt hat, auf die der Lauf wartet</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>Export the run with its explanations, as Markdown or JSON</source>
            <translation>Den Lauf mit seinen Erklärungen als Markdown oder JSON exportieren</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <source>Select a step here or on the canvas to see why it has its status.</source>
            <translation>Wählen Sie hier oder auf der Zeichenfläche einen Schritt, um zu sehen, warum er seinen Status hat.</translation>
        </message>
        <message>
            <source>Go on with this session, walking the edited workflow</source>
            <translation>Diese Sitzung mit dem bearbeiteten Workflow fortsetzen</translation>
        </message>
        <message>
            <source>&lt;b&gt;The workflow was edited&lt;/b&gt; after this step was handed out. Apply the edits to this run, or restart it.</source>
            <translation>&lt;b&gt;Der Workflow wurde bearbeitet&lt;/b&gt;, nachdem dieser Schritt ausgegeben wurde. Übernehmen Sie die Änderungen in diesen Lauf oder starten Sie ihn neu.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Running unsaved changes&lt;/b&gt;: this run walks the editor's document; agents get the saved version until you save it.</source>
            <translation>&lt;b&gt;Ungespeicherte Änderungen laufen&lt;/b&gt;: Dieser Lauf folgt dem Dokument im Editor; Agenten erhalten die gespeicherte Fassung, bis Sie speichern.</translation>
        </message>
        <message>
            <source>Run condition:</source>
            <translation>Laufbedingung:</translation>
        </message>
        <message>
            <source>true</source>
            <translation>wahr</translation>
        </message>
        <message>
            <source>false</source>
            <translation>falsch</translation>
        </message>
        <message>
            <source>Values read:</source>
            <translation>Gelesene Werte:</translation>
        </message>
        <message>
            <source>Decided by:</source>
            <translation>Entschieden durch:</translation>
        </message>
        <message>
            <source>To unblock: %1</source>
            <translation>Zum Entsperren: %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;The run is blocked&lt;/b&gt;: no step's condition holds. Set a variable, then ask for the next step.</source>
            <translation>&lt;b&gt;Der Lauf ist blockiert&lt;/b&gt;: Keine Schrittbedingung ist erfüllt. Setzen Sie eine Variable und fordern Sie dann den nächsten Schritt an.</translation>
        </message>
        <message>
            <source>Add “%1”</source>
            <translation>„%1“ hinzufügen</translation>
        </message>
        <message>
            <source>Set %1 = %2</source>
            <translation>%1 = %2 setzen</translation>
        </message>
        <message>
            <source>“%1” set in the context: ask for the next step to go on</source>
            <translation>„%1“ im Kontext gesetzt: Fordern Sie den nächsten Schritt an, um fortzufahren</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::StepperRun</name>
        <message>
            <source>Workflow “%1” is not served by the engine (save it first, or check the Problems).</source>
            <translation>Der Workflow „%1“ wird von der Engine nicht bereitgestellt (zuerst speichern oder die Probleme prüfen).</translation>
        </message>
        <message>
            <source>Session %1 does not exist (any more).</source>
            <translation>Die Sitzung %1 existiert nicht (mehr).</translation>
        </message>
        <message>
            <source>Session %1 has no workflow yet.</source>
            <translation>Die Sitzung %1 hat noch keinen Workflow.</translation>
        </message>
        <message>
            <source>No run to restart.</source>
            <translation>Kein Lauf zum Neustarten.</translation>
        </message>
        <message>
            <source>There is no current step to validate.</source>
            <translation>Es gibt keinen aktuellen Schritt zum Prüfen.</translation>
        </message>
        <message>
            <source>There is no current step to complete.</source>
            <translation>Es gibt keinen aktuellen Schritt zum Abschließen.</translation>
        </message>
        <message>
            <source>The context must be a JSON object.</source>
            <translation>Der Kontext muss ein JSON-Objekt sein.</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Nein</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>Yes (%1)</source>
            <translation>Ja (%1)</translation>
        </message>
        <message>
            <source>No (%1)</source>
            <translation>Nein (%1)</translation>
        </message>
        <message>
            <source>runCondition is false: %1</source>
            <translation>runCondition ist falsch: %1</translation>
        </message>
        <message>
            <source>pass %1 of %2</source>
            <translation>Durchlauf %1 von %2</translation>
        </message>
        <message>
            <source>pass %1</source>
            <translation>Durchlauf %1</translation>
        </message>
        <message numerus="yes">
            <source>%n pass(es)</source>
            <translation>
                <numerusform>%n Durchlauf</numerusform>
                <numerusform>%n Durchläufe</numerusform>
            </translation>
        </message>
        <message>
            <source>Run of %1</source>
            <translation>Lauf von %1</translation>
        </message>
        <message>
            <source>Workflow</source>
            <translation>Workflow</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Sitzung</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>abgeschlossen</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>Completed steps</source>
            <translation>Abgeschlossene Schritte</translation>
        </message>
        <message>
            <source>— pass %1</source>
            <translation>– Durchlauf %1</translation>
        </message>
        <message>
            <source>Output:</source>
            <translation>Ausgabe:</translation>
        </message>
        <message>
            <source>Validation: passed</source>
            <translation>Validierung: bestanden</translation>
        </message>
        <message>
            <source>Validation: failed</source>
            <translation>Validierung: nicht bestanden</translation>
        </message>
        <message>
            <source>Validation error: %1</source>
            <translation>Validierungsfehler: %1</translation>
        </message>
        <message>
            <source>None yet.</source>
            <translation>Noch keine.</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Aktueller Schritt</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Kontext</translation>
        </message>
        <message>
            <source>No run to continue.</source>
            <translation>Kein Lauf zum Fortsetzen.</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>abgeschlossen</translation>
        </message>
        <message>
            <source>next</source>
            <translation>als Nächstes</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>blockiert</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>ausstehend</translation>
        </message>
        <message>
            <source>Run: %1 — %2</source>
            <translation>Lauf: %1 — %2</translation>
        </message>
        <message>
            <source>To unblock: %1</source>
            <translation>Zum Entsperren: %1</translation>
        </message>
        <message>
            <source>unset</source>
            <translation>nicht gesetzt</translation>
        </message>
        <message>
            <source>would be next</source>
            <translation>wäre als Nächstes dran</translation>
        </message>
        <message>
            <source>would not be next</source>
            <translation>wäre nicht mehr als Nächstes dran</translation>
        </message>
        <message>
            <source>would be %1</source>
            <translation>wäre %1</translation>
        </message>
        <message>
            <source>would run</source>
            <translation>würde ausgeführt</translation>
        </message>
        <message>
            <source>would be skipped</source>
            <translation>würde übersprungen</translation>
        </message>
        <message>
            <source>Why each step has its status</source>
            <translation>Warum jeder Schritt seinen Status hat</translation>
        </message>
        <message>
            <source>Blocked: %1</source>
            <translation>Blockiert: %1</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>übersprungen</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ValidationEditor</name>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Rule / group</source>
            <translation>Regel / Gruppe</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>Value / pattern / min / schema</source>
            <translation>Wert / Muster / Min. / Schema</translation>
        </message>
        <message>
            <source>Flags / max</source>
            <translation>Flags / Max.</translation>
        </message>
        <message>
            <source>Condition (JSON)</source>
            <translation>Bedingung (JSON)</translation>
        </message>
        <message>
            <source>+ Rule</source>
            <translation>+ Regel</translation>
        </message>
        <message>
            <source>+ Group</source>
            <translation>+ Gruppe</translation>
        </message>
        <message>
            <source>All rules</source>
            <translation>Alle Regeln</translation>
        </message>
        <message>
            <source>all of (and)</source>
            <translation>alle (und)</translation>
        </message>
        <message>
            <source>any of (or)</source>
            <translation>mindestens eine (oder)</translation>
        </message>
        <message>
            <source>not</source>
            <translation>nicht</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>message shown when the rule fails</source>
            <translation>Meldung, wenn die Regel nicht erfüllt ist</translation>
        </message>
        <message>
            <source>optional, e.g. {"var":"x","equals":1}</source>
            <translation>optional, z. B. {"var":"x","equals":1}</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::WorkflowDocument</name>
        <message>
            <source>Untitled</source>
            <translation>Unbenannt</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::WorkflowScene</name>
        <message>
            <source>Error: %1</source>
            <translation>Fehler: %1</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <source>Cannot paste: %1</source>
            <translation>Einfügen nicht möglich: %1</translation>
        </message>
        <message>
            <source>Insert &amp;Step Here</source>
            <translation>&amp;Schritt hier einfügen</translation>
        </message>
        <message>
            <source>Insert &amp;Loop Here</source>
            <translation>Sch&amp;leife hier einfügen</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>&amp;Paste Here</source>
            <translation>Hier ei&amp;nfügen</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
    </context>
</TS>
