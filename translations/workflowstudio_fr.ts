<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>main</name>
        <message>
            <source>Visual editor, validator and MCP server for agent workflows</source>
            <translation>Éditeur visuel, validateur et serveur MCP pour workflows d’agents</translation>
        </message>
        <message>
            <source>Also serve the workflows in DIR (repeatable).</source>
            <translation>Servir aussi les workflows du dossier DIR (répétable).</translation>
        </message>
        <message>
            <source>Do not start the MCP listener.</source>
            <translation>Ne pas démarrer l’écouteur MCP.</translation>
        </message>
        <message>
            <source>Workflow files to open</source>
            <translation>Fichiers de workflow à ouvrir</translation>
        </message>
        <message>
            <source>MCP listener: invalid port %1</source>
            <translation>Écouteur MCP : port %1 invalide</translation>
        </message>
        <message>
            <source>MCP listener: stopped</source>
            <translation>Écouteur MCP : arrêté</translation>
        </message>
        <message>
            <source>MCP listener: off (%1)</source>
            <translation>Écouteur MCP : désactivé (%1)</translation>
        </message>
        <message>
            <source>Port of the MCP HTTP listener (default: the setting mcp/port, else %1; 0 = any free port).</source>
            <translation>Port de l’écouteur HTTP MCP (par défaut : le réglage mcp/port, sinon %1 ; 0 = n’importe quel port libre).</translation>
        </message>
        <message>
            <source>MCP listener: off (--no-mcp)</source>
            <translation>Écouteur MCP : désactivé (--no-mcp)</translation>
        </message>
        <message>
            <source>MCP listener: off (disabled in the settings)</source>
            <translation>Écouteur MCP : désactivé (dans les paramètres)</translation>
        </message>
        <message>
            <source>MCP listener: %1 (bearer token required)</source>
            <translation>Écouteur MCP : %1 (jeton bearer requis)</translation>
        </message>
    </context>
    <context>
        <name>wfs::MainWindow</name>
        <message>
            <source>Select the steps to move first.</source>
            <translation>Sélectionnez d’abord les étapes à déplacer.</translation>
        </message>
        <message>
            <source>The selection cannot move further up.</source>
            <translation>La sélection ne peut pas monter davantage.</translation>
        </message>
        <message>
            <source>The selection cannot move further down.</source>
            <translation>La sélection ne peut pas descendre davantage.</translation>
        </message>
        <message>
            <source>&amp;Move Up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <source>Move Dow&amp;n</source>
            <translation>Desce&amp;ndre</translation>
        </message>
        <message>
            <source>Workflow Studio</source>
            <translation>Workflow Studio</translation>
        </message>
        <message>
            <source>MCP listener: off</source>
            <translation>Écouteur MCP : désactivé</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspecteur</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problèmes</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Nouveau</translation>
        </message>
        <message>
            <source>New from &amp;Template</source>
            <translation>Nouveau depuis un &amp;modèle</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <source>Open Workflow</source>
            <translation>Ouvrir un workflow</translation>
        </message>
        <message>
            <source>Workflows (*.json);;All files (*)</source>
            <translation>Workflows (*.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Ouvrir un fichier &amp;récent</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Enregistrer &amp;sous…</translation>
        </message>
        <message>
            <source>Re&amp;load from Disk</source>
            <translation>Re&amp;charger depuis le disque</translation>
        </message>
        <message>
            <source>&amp;Import Folder…</source>
            <translation>&amp;Importer un dossier…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <source>Settin&amp;gs…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Copy Steps</source>
            <translation>&amp;Copier les étapes</translation>
        </message>
        <message>
            <source>&amp;Paste Steps</source>
            <translation>C&amp;oller les étapes</translation>
        </message>
        <message>
            <source>&amp;Delete Steps</source>
            <translation>&amp;Supprimer les étapes</translation>
        </message>
        <message>
            <source>Select &amp;All Steps</source>
            <translation>Sélectionner &amp;toutes les étapes</translation>
        </message>
        <message>
            <source>&amp;Insert</source>
            <translation>&amp;Insertion</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>É&amp;tape</translation>
        </message>
        <message>
            <source>Ctrl+Shift+N</source>
            <comment>insert step</comment>
            <translation>Ctrl+Shift+N</translation>
        </message>
        <message>
            <source>Insert a step after the selection</source>
            <translation>Insérer une étape après la sélection</translation>
        </message>
        <message>
            <source>&amp;Loop</source>
            <translation>&amp;Boucle</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L</source>
            <comment>insert loop</comment>
            <translation>Ctrl+Shift+L</translation>
        </message>
        <message>
            <source>Insert a loop after the selection</source>
            <translation>Insérer une boucle après la sélection</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>&amp;Taille réelle</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>&amp;Ajuster à la fenêtre</translation>
        </message>
        <message>
            <source>Ctrl+Shift+F</source>
            <translation>Ctrl+Shift+F</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;Connect an Agent…</source>
            <translation>&amp;Connecter un agent…</translation>
        </message>
        <message>
            <source>&amp;About Workflow Studio</source>
            <translation>À &amp;propos de Workflow Studio</translation>
        </message>
        <message>
            <source>About Workflow Studio</source>
            <translation>À propos de Workflow Studio</translation>
        </message>
        <message>
            <source>&lt;b&gt;Workflow Studio&lt;/b&gt; %1&lt;br&gt;Visual editor, validator and MCP server for AI-agent workflows (WorkRail-compatible).</source>
            <translation>&lt;b&gt;Workflow Studio&lt;/b&gt; %1&lt;br&gt;Éditeur visuel, validateur et serveur MCP pour workflows d’agents IA (compatible WorkRail).</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Principale</translation>
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
            <translation>Impossible d’ouvrir %1 :
%2</translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>%1 ouvert</translation>
        </message>
        <message>
            <source>Save Workflow</source>
            <translation>Enregistrer le workflow</translation>
        </message>
        <message>
            <source>Workflows (*.json)</source>
            <translation>Workflows (*.json)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 enregistré</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Pas encore enregistré</translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 with %n error(s): agents cannot run this workflow until they are fixed (see Problems).</source>
            <translation>
                <numerusform>%1 enregistré avec %n erreur : les agents ne peuvent pas exécuter ce workflow tant qu’elle n’est pas corrigée (voir Problèmes).</numerusform>
                <numerusform>%1 enregistré avec %n erreurs : les agents ne peuvent pas exécuter ce workflow tant qu’elles ne sont pas corrigées (voir Problèmes).</numerusform>
            </translation>
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>“%1” has unsaved changes. Save them?</source>
            <translation>« %1 » contient des modifications non enregistrées. Les enregistrer ?</translation>
        </message>
        <message>
            <source>%1[*] — Workflow Studio</source>
            <translation>%1[*] — Workflow Studio</translation>
        </message>
        <message>
            <source>Clear List</source>
            <translation>Vider la liste</translation>
        </message>
        <message>
            <source>File Changed on Disk</source>
            <translation>Fichier modifié sur le disque</translation>
        </message>
        <message>
            <source>%1 was changed by another program, and you have unsaved changes here. Reload it and lose your changes?</source>
            <translation>%1 a été modifié par un autre programme et vous avez ici des modifications non enregistrées. Le recharger et perdre vos modifications ?</translation>
        </message>
        <message>
            <source>Not reloaded: %1</source>
            <translation>Non rechargé : %1</translation>
        </message>
        <message>
            <source>Reloaded %1 (changed on disk)</source>
            <translation>%1 rechargé (modifié sur le disque)</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>Sans titre</translation>
        </message>
        <message>
            <source>Recover Unsaved Work</source>
            <translation>Récupérer le travail non enregistré</translation>
        </message>
        <message numerus="yes">
            <source>Workflow Studio did not shut down properly. Recover %n unsaved document(s)?</source>
            <translation>
                <numerusform>Workflow Studio ne s’est pas fermé correctement. Récupérer %n document non enregistré ?</numerusform>
                <numerusform>Workflow Studio ne s’est pas fermé correctement. Récupérer %n documents non enregistrés ?</numerusform>
            </translation>
        </message>
        <message>
            <source>Recover</source>
            <translation>Récupérer</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Abandonner</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Plus tard</translation>
        </message>
        <message numerus="yes">
            <source>Recovered %n document(s)</source>
            <translation>
                <numerusform>%n document récupéré</numerusform>
                <numerusform>%n documents récupérés</numerusform>
            </translation>
        </message>
        <message>
            <source>Serve This Workflow?</source>
            <translation>Servir ce workflow ?</translation>
        </message>
        <message>
            <source>%1 is not in a workflow folder the studio serves, so agents will not see this workflow.</source>
            <translation>%1 n’est dans aucun dossier de workflows servi par le studio : les agents ne verront pas ce workflow.</translation>
        </message>
        <message>
            <source>Serve the folder %1 (it is added to the workflow folders in the settings), save into your workflow folder %2 instead, or keep the file where it is, unserved?</source>
            <translation>Servir le dossier %1 (il est ajouté aux dossiers de workflows des paramètres), enregistrer plutôt dans votre dossier de workflows %2, ou garder le fichier où il est, sans le servir ?</translation>
        </message>
        <message>
            <source>Serve the Folder</source>
            <translation>Servir le dossier</translation>
        </message>
        <message>
            <source>Save in My Workflows</source>
            <translation>Enregistrer dans Mes workflows</translation>
        </message>
        <message>
            <source>Keep Unserved</source>
            <translation>Ne pas servir</translation>
        </message>
        <message>
            <source>Cannot create %1.</source>
            <translation>Impossible de créer %1.</translation>
        </message>
        <message>
            <source>Serving the workflows in %1</source>
            <translation>Les workflows de %1 sont servis</translation>
        </message>
        <message>
            <source>%1 (deleted)</source>
            <translation>%1 (supprimé)</translation>
        </message>
        <message>
            <source>%1 was deleted by another program; its tab keeps the workflow.</source>
            <translation>%1 a été supprimé par un autre programme ; son onglet garde le workflow.</translation>
        </message>
        <message>
            <source>No workflow open</source>
            <translation>Aucun workflow ouvert</translation>
        </message>
        <message>
            <source>Create a new workflow (%1), open a file (%2), or pick one in the Library.</source>
            <translation>Créez un nouveau workflow (%1), ouvrez un fichier (%2) ou choisissez-en un dans la bibliothèque.</translation>
        </message>
        <message>
            <source>New Workflow</source>
            <translation>Nouveau workflow</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>Ouvrir…</translation>
        </message>
        <message>
            <source>Show Library</source>
            <translation>Afficher la bibliothèque</translation>
        </message>
        <message>
            <source>&amp;Reset Layout</source>
            <translation>&amp;Réinitialiser la disposition</translation>
        </message>
        <message>
            <source>Data: in memory only</source>
            <translation>Données : en mémoire seulement</translation>
        </message>
        <message>
            <source>The database is in memory: sessions and metrics last until the studio quits.</source>
            <translation>La base de données est en mémoire : sessions et mesures durent jusqu’à la fermeture du studio.</translation>
        </message>
        <message>
            <source>Data: %1</source>
            <translation>Données : %1</translation>
        </message>
        <message>
            <source>Sessions, metrics and cached answers are kept in %1</source>
            <translation>Sessions, mesures et réponses en cache sont conservées dans %1</translation>
        </message>
        <message>
            <source>Data: not kept (disabled)</source>
            <translation>Données : non conservées (désactivé)</translation>
        </message>
        <message>
            <source>The database is disabled: sessions and metrics stay in memory.</source>
            <translation>La base de données est désactivée : sessions et mesures restent en mémoire.</translation>
        </message>
        <message>
            <source>Data: not kept (database unavailable)</source>
            <translation>Données : non conservées (base de données indisponible)</translation>
        </message>
        <message>
            <source>Sessions and metrics are not kept: %1</source>
            <translation>Sessions et mesures ne sont pas conservées : %1</translation>
        </message>
        <message>
            <source>open: sessions, metrics and cached answers are kept</source>
            <translation>ouverte : sessions, mesures et réponses en cache sont conservées</translation>
        </message>
        <message>
            <source>disabled: nothing is kept</source>
            <translation>désactivée : rien n’est conservé</translation>
        </message>
        <message>
            <source>not open: sessions and metrics are not kept</source>
            <translation>non ouverte : sessions et mesures ne sont pas conservées</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>Base de données : %1</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>State: %1</source>
            <translation>État : %1</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Raison : %1</translation>
        </message>
        <message>
            <source>Database Unavailable</source>
            <translation>Base de données indisponible</translation>
        </message>
        <message>
            <source>Until then, sessions and metrics are not kept.</source>
            <translation>D’ici là, sessions et mesures ne sont pas conservées.</translation>
        </message>
        <message>
            <source>The database %1 cannot be opened: it is damaged or not a Workflow Studio database.</source>
            <translation>La base de données %1 ne peut pas être ouverte : elle est endommagée ou n’est pas une base de Workflow Studio.</translation>
        </message>
        <message>
            <source>Move it aside (it is renamed, nothing is deleted) and start with a fresh database? %1</source>
            <translation>La mettre de côté (elle est renommée, rien n’est supprimé) et commencer avec une nouvelle base de données ? %1</translation>
        </message>
        <message>
            <source>Move Aside and Start Fresh</source>
            <translation>Mettre de côté et repartir à neuf</translation>
        </message>
        <message>
            <source>Continue Without Saving Data</source>
            <translation>Continuer sans conserver les données</translation>
        </message>
        <message>
            <source>The database %1 was written by a newer version of Workflow Studio. This version leaves it untouched.</source>
            <translation>La base de données %1 a été écrite par une version plus récente de Workflow Studio. Cette version n’y touche pas.</translation>
        </message>
        <message>
            <source>Keep it for the newer version and continue without saving data, or move it aside (it is renamed, nothing is deleted) and start with a fresh database.</source>
            <translation>La garder pour la version plus récente et continuer sans conserver les données, ou la mettre de côté (elle est renommée, rien n’est supprimé) et commencer avec une nouvelle base de données.</translation>
        </message>
        <message>
            <source>Keep It and Continue Without Saving Data</source>
            <translation>La garder et continuer sans conserver les données</translation>
        </message>
        <message>
            <source>The database %1 is in a read-only place: sessions and metrics cannot be kept.</source>
            <translation>La base de données %1 se trouve dans un emplacement en lecture seule : sessions et mesures ne peuvent pas être conservées.</translation>
        </message>
        <message>
            <source>The file cannot be moved aside there either. Make the folder writable and choose Retry, or continue without saving data.</source>
            <translation>Le fichier ne peut pas non plus y être mis de côté. Rendez le dossier accessible en écriture et choisissez « Réessayer », ou continuez sans conserver les données.</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <source>The database %1 cannot be opened.</source>
            <translation>La base de données %1 ne peut pas être ouverte.</translation>
        </message>
        <message>
            <source>Move it aside (it is renamed, nothing is deleted) and start with a fresh database, or retry once the cause is fixed. %1</source>
            <translation>La mettre de côté (elle est renommée, rien n’est supprimé) et commencer avec une nouvelle base de données, ou réessayer une fois la cause corrigée. %1</translation>
        </message>
        <message>
            <source>Retry once the cause is fixed, or continue without saving data.</source>
            <translation>Réessayez une fois la cause corrigée, ou continuez sans conserver les données.</translation>
        </message>
        <message>
            <source>Workflow Studio goes on without keeping sessions and metrics.</source>
            <translation>Workflow Studio continue sans conserver les sessions et les mesures.</translation>
        </message>
        <message>
            <source>The database was not moved aside: %1

%2</source>
            <translation>La base de données n’a pas été mise de côté : %1

%2</translation>
        </message>
        <message>
            <source>The damaged database was moved aside to %1, but a fresh one cannot be opened: %2

%3</source>
            <translation>La base de données endommagée a été mise de côté sous %1, mais une nouvelle ne peut pas être ouverte : %2

%3</translation>
        </message>
        <message>
            <source>The damaged database was kept as %1; a fresh database is in use.</source>
            <translation>La base de données endommagée a été conservée sous le nom %1 ; une nouvelle base de données est utilisée.</translation>
        </message>
        <message>
            <source>The database still cannot be opened: %1

%2</source>
            <translation>La base de données ne peut toujours pas être ouverte : %1

%2</translation>
        </message>
        <message>
            <source>The database is open; sessions and metrics are kept.</source>
            <translation>La base de données est ouverte ; sessions et mesures sont conservées.</translation>
        </message>
        <message>
            <source>Heat Map</source>
            <translation>Carte de chaleur</translation>
        </message>
        <message>
            <source>Team store: %1</source>
            <translation>Stockage d’équipe : %1</translation>
        </message>
        <message>
            <source>Sessions, metrics and published workflows are shared with the team server&apos;s instances in %1; the Sessions list, heat map and dashboard (View: Team fleet) show all of them.</source>
            <translation>Les sessions, les mesures et les workflows publiés sont partagés avec les instances du serveur d’équipe dans %1 ; la liste des sessions, la carte de chaleur et le tableau de bord (Vue : flotte de l’équipe) les montrent toutes.</translation>
        </message>
        <message>
            <source>Team store: not reachable (retrying)</source>
            <translation>Stockage d’équipe : injoignable (nouvelle tentative)</translation>
        </message>
        <message>
            <source>The team store %1 cannot be reached: %2. The studio works from memory and connects by itself when the store is back.</source>
            <translation>Le stockage d’équipe %1 est injoignable : %2. Le studio travaille en mémoire et se reconnecte de lui-même dès qu’il revient.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ConditionEditor</name>
        <message>
            <source>+ Condition</source>
            <translation>+ Condition</translation>
        </message>
        <message>
            <source>+ Group</source>
            <translation>+ Groupe</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Variable / group</source>
            <translation>Variable / groupe</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Opérateur</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <source>Add a “variable operator value” test</source>
            <translation>Ajouter un test « variable opérateur valeur »</translation>
        </message>
        <message>
            <source>Add an “all of” (and) group</source>
            <translation>Ajouter un groupe « tous » (et)</translation>
        </message>
        <message>
            <source>variable</source>
            <translation>variable</translation>
        </message>
        <message>
            <source>is truthy</source>
            <translation>est vrai</translation>
        </message>
        <message>
            <source>value, e.g. Large, 3, true</source>
            <translation>valeur, p. ex. Large, 3, true</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>all of (and)</source>
            <translation>tous (et)</translation>
        </message>
        <message>
            <source>any of (or)</source>
            <translation>au moins un (ou)</translation>
        </message>
        <message>
            <source>not</source>
            <translation>non</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ConditionText</name>
        <message>
            <source>always</source>
            <translation>toujours</translation>
        </message>
        <message>
            <source>and</source>
            <translation>et</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>or</source>
            <translation>ou</translation>
        </message>
        <message>
            <source>not %1</source>
            <translation>non %1</translation>
        </message>
        <message>
            <source>invalid loop configuration</source>
            <translation>configuration de boucle invalide</translation>
        </message>
        <message>
            <source>(no condition)</source>
            <translation>(aucune condition)</translation>
        </message>
        <message>
            <source>for %1 times</source>
            <translation>%1 fois</translation>
        </message>
        <message>
            <source>for each %1 in %2</source>
            <translation>pour chaque %1 dans %2</translation>
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
            <translation>Connecter un agent</translation>
        </message>
        <message>
            <source>Workflow Studio serves its workflows over the Model Context Protocol. Copy the configuration for your agent; the stdio variants start &lt;code&gt;wfstudio mcp&lt;/code&gt;, the HTTP variants talk to the listener of this running studio.</source>
            <translation>Workflow Studio sert ses workflows via le Model Context Protocol. Copiez la configuration de votre agent ; les variantes stdio lancent &lt;code&gt;wfstudio mcp&lt;/code&gt;, les variantes HTTP s’adressent à l’écouteur de ce studio en cours d’exécution.</translation>
        </message>
        <message>
            <source>Add this to &lt;b&gt;claude_desktop_config.json&lt;/b&gt; (Claude Desktop: Settings → Developer → Edit Config), then restart Claude Desktop.</source>
            <translation>Ajoutez ceci à &lt;b&gt;claude_desktop_config.json&lt;/b&gt; (Claude Desktop : Réglages → Développeur → Modifier la configuration), puis redémarrez Claude Desktop.</translation>
        </message>
        <message>
            <source>Claude Desktop</source>
            <translation>Claude Desktop</translation>
        </message>
        <message>
            <source>Run this in a terminal (add &lt;code&gt;--scope user&lt;/code&gt; after &lt;code&gt;add&lt;/code&gt; to use it in every project).</source>
            <translation>Exécutez ceci dans un terminal (ajoutez &lt;code&gt;--scope user&lt;/code&gt; après &lt;code&gt;add&lt;/code&gt; pour l’utiliser dans tous les projets).</translation>
        </message>
        <message>
            <source>Claude Code</source>
            <translation>Claude Code</translation>
        </message>
        <message>
            <source>Save as &lt;b&gt;.vscode/mcp.json&lt;/b&gt; in your workspace (stdio: VS Code starts the server itself).</source>
            <translation>Enregistrez sous &lt;b&gt;.vscode/mcp.json&lt;/b&gt; dans votre espace de travail (stdio : VS Code démarre lui-même le serveur).</translation>
        </message>
        <message>
            <source>Or connect to the listener of this running studio over HTTP:</source>
            <translation>Ou connectez-vous en HTTP à l’écouteur de ce studio en cours d’exécution :</translation>
        </message>
        <message>
            <source>VS Code</source>
            <translation>VS Code</translation>
        </message>
        <message>
            <source>Any MCP client that speaks Streamable HTTP: point it at this URL and send the bearer token. The listener runs while the studio is open.</source>
            <translation>Tout client MCP qui parle Streamable HTTP : indiquez-lui cette URL et envoyez le jeton bearer. L’écouteur fonctionne tant que le studio est ouvert.</translation>
        </message>
        <message>
            <source>Other Clients (HTTP)</source>
            <translation>Autres clients (HTTP)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Copié</translation>
        </message>
        <message>
            <source>Listener: %1 (running, bearer token required)</source>
            <translation>Écouteur : %1 (actif, jeton bearer requis)</translation>
        </message>
        <message>
            <source>Listener: not running — %1. The stdio configurations work without it; for HTTP, turn the listener on in Settings and restart the studio.</source>
            <translation>Écouteur : inactif — %1. Les configurations stdio fonctionnent sans lui ; pour HTTP, activez l’écouteur dans les paramètres et redémarrez le studio.</translation>
        </message>
        <message>
            <source>the MCP listener is off</source>
            <translation>l’écouteur MCP est désactivé</translation>
        </message>
        <message>
            <source>The MCP listener of this studio is not running (%1), so there is no HTTP address to connect to.
</source>
            <translation>L’écouteur MCP de ce studio n’est pas actif (%1) : il n’y a donc pas d’adresse HTTP à laquelle se connecter.
</translation>
        </message>
        <message>
            <source>off</source>
            <translation>désactivé</translation>
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
            <translation>Valeur</translation>
        </message>
        <message>
            <source>The context the agent sends back with the next workflow_next call. Values: text (Large), 42, true, null, [1, 2], {"a": 1}; pick “text” in the value's type box to make true or 42 a string.</source>
            <translation>Le contexte que l’agent renvoie avec le prochain appel workflow_next. Valeurs : texte (Large), 42, true, null, [1, 2], {"a": 1} ; choisir « texte » dans le type de la valeur pour que true ou 42 soit une chaîne.</translation>
        </message>
        <message>
            <source>Add Variable</source>
            <translation>Ajouter une variable</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Row %1: the variable needs a name.</source>
            <translation>Ligne %1 : la variable doit avoir un nom.</translation>
        </message>
        <message>
            <source>Row %1: variable “%2” appears twice.</source>
            <translation>Ligne %1 : la variable « %2 » apparaît deux fois.</translation>
        </message>
        <message>
            <source>Row %1 (“%2”): %3</source>
            <translation>Ligne %1 (« %2 ») : %3</translation>
        </message>
        <message>
            <source>invalid JSON value at %1</source>
            <translation>valeur JSON invalide à %1</translation>
        </message>
        <message>
            <source>Variables whose names start with “_” are the engine's bookkeeping (loop state, warnings): sent back as they are</source>
            <translation>Les variables dont le nom commence par « _ » sont la comptabilité du moteur (état des boucles, avertissements) : elles sont renvoyées telles quelles</translation>
        </message>
        <message>
            <source>Internal variables (%1)</source>
            <translation>Variables internes (%1)</translation>
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
            <translation>Exporter en CSV…</translation>
        </message>
        <message>
            <source>Export Dashboard Data</source>
            <translation>Exporter les données du tableau de bord</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Graphiques</translation>
        </message>
        <message>
            <source>Request Log</source>
            <translation>Journal des requêtes</translation>
        </message>
        <message>
            <source>Load Test</source>
            <translation>Test de charge</translation>
        </message>
        <message>
            <source>Export Chart as PNG…</source>
            <translation>Exporter le graphique en PNG…</translation>
        </message>
        <message>
            <source>Export Chart</source>
            <translation>Exporter le graphique</translation>
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
            <translation>Global</translation>
        </message>
        <message>
            <source>RSS</source>
            <translation>RSS</translation>
        </message>
        <message>
            <source>Heap</source>
            <translation>Tas</translation>
        </message>
        <message>
            <source>Requests/s</source>
            <translation>Requêtes/s</translation>
        </message>
        <message>
            <source>req/s</source>
            <translation>req./s</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
        <message>
            <source>Paused — samples are still collected</source>
            <translation>En pause — les mesures sont toujours collectées</translation>
        </message>
        <message>
            <source>%1: cannot write the PNG file</source>
            <translation>%1 : impossible d’écrire le fichier PNG</translation>
        </message>
        <message>
            <source>Last minute</source>
            <translation>Dernière minute</translation>
        </message>
        <message>
            <source>Last 5 minutes</source>
            <translation>5 dernières minutes</translation>
        </message>
        <message>
            <source>Last 15 minutes</source>
            <translation>15 dernières minutes</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>Dernière heure</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Dernières 24 heures</translation>
        </message>
        <message>
            <source>The time range of the charts; drag across a chart to zoom in, double-click to return to the live range</source>
            <translation>La période des graphiques ; faites glisser sur un graphique pour zoomer, double-cliquez pour revenir à la période en direct</translation>
        </message>
        <message>
            <source>Reset Zoom</source>
            <translation>Réinitialiser le zoom</translation>
        </message>
        <message>
            <source>The operation whose latency percentiles the latency chart shows</source>
            <translation>L'opération dont le graphique de latence montre les percentiles</translation>
        </message>
        <message>
            <source>Log latency axis</source>
            <translation>Axe de latence logarithmique</translation>
        </message>
        <message>
            <source>Latency of:</source>
            <translation>Latence de :</translation>
        </message>
        <message>
            <source>Cache hit rate</source>
            <translation>Taux de succès du cache</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Mémoire</translation>
        </message>
        <message>
            <source>Requests/s and errors by kind</source>
            <translation>Requêtes/s et erreurs par type</translation>
        </message>
        <message>
            <source>Drag across the chart to zoom in, double-click to reset; right-click to export it as PNG</source>
            <translation>Faites glisser sur le graphique pour zoomer, double-cliquez pour réinitialiser ; clic droit pour l’exporter en PNG</translation>
        </message>
        <message>
            <source>Transport errors</source>
            <translation>Erreurs de transport</translation>
        </message>
        <message>
            <source>Protocol errors</source>
            <translation>Erreurs de protocole</translation>
        </message>
        <message>
            <source>Tool errors</source>
            <translation>Erreurs d’outil</translation>
        </message>
        <message>
            <source>Latency of %1</source>
            <translation>Latence de %1</translation>
        </message>
        <message>
            <source>budget: %1</source>
            <translation>budget : %1</translation>
        </message>
        <message>
            <source>Zoomed: %1 – %2 (double-click a chart to reset)</source>
            <translation>Zoom : %1 – %2 (double-cliquez sur un graphique pour réinitialiser)</translation>
        </message>
        <message>
            <source>Cache budget (L1, %1 MB)</source>
            <translation>Budget du cache (L1, %1 Mo)</translation>
        </message>
        <message>
            <source>&amp;View:</source>
            <translation>&amp;Vue :</translation>
        </message>
        <message>
            <source>This studio&apos;s own figures, the whole team fleet, or one instance of it</source>
            <translation>Les chiffres de ce studio, toute la flotte de l’équipe ou l’une de ses instances</translation>
        </message>
        <message>
            <source>This studio</source>
            <translation>Ce studio</translation>
        </message>
        <message>
            <source>Instance</source>
            <translation>Instance</translation>
        </message>
        <message>
            <source>Last report</source>
            <translation>Dernier rapport</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Erreurs</translation>
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
            <translation>Succès L1</translation>
        </message>
        <message>
            <source>Every instance writing into the team store, over the last minute; double-click one to chart it alone</source>
            <translation>Chaque instance qui écrit dans le stockage d’équipe, sur la dernière minute ; double-cliquez sur l’une pour la voir seule dans les graphiques</translation>
        </message>
        <message>
            <source>Instances</source>
            <translation>Instances</translation>
        </message>
        <message>
            <source>Team store: %1</source>
            <translation>Stockage d’équipe : %1</translation>
        </message>
        <message numerus="yes">
            <source>Team fleet (%n instance(s))</source>
            <translation>
                <numerusform>Flotte de l’équipe (%n instance)</numerusform>
                <numerusform>Flotte de l’équipe (%n instances)</numerusform>
            </translation>
        </message>
        <message>
            <source>Instance %1</source>
            <translation>Instance %1</translation>
        </message>
        <message numerus="yes">
            <source>%n s ago</source>
            <translation>
                <numerusform>il y a %n s</numerusform>
                <numerusform>il y a %n s</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No report for %n s: the instance is down or cannot reach the store</source>
            <translation>
                <numerusform>Aucun rapport depuis %n s : l’instance est arrêtée ou n’atteint pas le stockage</numerusform>
                <numerusform>Aucun rapport depuis %n s : l’instance est arrêtée ou n’atteint pas le stockage</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::DeleteStepsCommand</name>
        <message>
            <source>Delete step %1</source>
            <translation>Supprimer l’étape %1</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n step(s)</source>
            <translation>
                <numerusform>Supprimer %n étape</numerusform>
                <numerusform>Supprimer %n étapes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::EditorPage</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Impossible d’écrire %1 : %2</translation>
        </message>
        <message>
            <source>%1 was deleted or moved by another program. The workflow stays open here; save it to write the file again.</source>
            <translation>%1 a été supprimé ou déplacé par un autre programme. Le workflow reste ouvert ici ; enregistrez-le pour réécrire le fichier.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::HeatMapPanel</name>
        <message>
            <source>Show on canvas</source>
            <translation>Afficher sur le canevas</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>Atteinte</translation>
        </message>
        <message>
            <source>Stopped here</source>
            <translation>Arrêtées ici</translation>
        </message>
        <message>
            <source>Think time p50</source>
            <translation>Temps de réflexion p50</translation>
        </message>
        <message>
            <source>Think time p95</source>
            <translation>Temps de réflexion p95</translation>
        </message>
        <message>
            <source>Validation failures</source>
            <translation>Échecs de validation</translation>
        </message>
        <message>
            <source>Loop passes</source>
            <translation>Passages de boucle</translation>
        </message>
        <message>
            <source>What the canvas is coloured by</source>
            <translation>Ce qui colore le canevas</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Depuis toujours</translation>
        </message>
        <message>
            <source>Last 15 minutes</source>
            <translation>15 dernières minutes</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>Dernière heure</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Dernières 24 heures</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>7 derniers jours</translation>
        </message>
        <message>
            <source>Sessions active in this period</source>
            <translation>Sessions actives pendant cette période</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>Tous les clients</translation>
        </message>
        <message>
            <source>Sessions of this client only</source>
            <translation>Seulement les sessions de ce client</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>Think p50</source>
            <translation>Réflexion p50</translation>
        </message>
        <message>
            <source>Think p95</source>
            <translation>Réflexion p95</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>Nouvelles tentatives</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Colour by:</source>
            <translation>Colorer selon :</translation>
        </message>
        <message>
            <source>Client:</source>
            <translation>Client :</translation>
        </message>
        <message>
            <source>Sessions:</source>
            <translation>Sessions :</translation>
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
            <translation>Ouvrez un workflow pour voir comment les sessions l’ont parcouru.</translation>
        </message>
        <message>
            <source>No database: sessions are not recorded.</source>
            <translation>Pas de base de données : les sessions ne sont pas enregistrées.</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) of %1</source>
            <translation>
                <numerusform>%n session de %1</numerusform>
                <numerusform>%n sessions de %1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: reached by %2 session(s), %3 stopped here</source>
            <translation>%1 : atteinte par %2 session(s), %3 arrêtée(s) ici</translation>
        </message>
        <message>
            <source>Think time p50 %1, p95 %2</source>
            <translation>Temps de réflexion p50 %1, p95 %2</translation>
        </message>
        <message>
            <source>Validation failures %1 (retries %2), loop passes %3</source>
            <translation>Échecs de validation %1 (nouvelles tentatives %2), passages de boucle %3</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::InsertStepsCommand</name>
        <message>
            <source>Insert step %1</source>
            <translation>Insérer l’étape %1</translation>
        </message>
        <message>
            <source>Insert loop %1</source>
            <translation>Insérer la boucle %1</translation>
        </message>
        <message numerus="yes">
            <source>Paste %n step(s)</source>
            <translation>
                <numerusform>Coller %n étape</numerusform>
                <numerusform>Coller %n étapes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::InspectorWidget</name>
        <message>
            <source>Nothing selected</source>
            <translation>Aucune sélection</translation>
        </message>
        <message>
            <source>Workflow · %1</source>
            <translation>Workflow · %1</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>lowercase-with-dashes</source>
            <translation>minuscules-avec-tirets</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>SemVer, e.g. 1.0.0</source>
            <translation>SemVer, p. ex. 1.0.0</translation>
        </message>
        <message>
            <source>Preconditions</source>
            <translation>Préconditions</translation>
        </message>
        <message>
            <source>Clarification prompts</source>
            <translation>Questions de clarification</translation>
        </message>
        <message>
            <source>Meta guidance</source>
            <translation>Consignes générales</translation>
        </message>
        <message>
            <source>Function definitions</source>
            <translation>Définitions de fonctions</translation>
        </message>
        <message>
            <source>Step · %1</source>
            <translation>Étape · %1</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>Agent role</source>
            <translation>Rôle de l’agent</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>Consignes</translation>
        </message>
        <message>
            <source>Ask for files</source>
            <translation>Demander des fichiers</translation>
        </message>
        <message>
            <source>Has validation</source>
            <translation>Avec validation</translation>
        </message>
        <message>
            <source>Require confirmation</source>
            <translation>Confirmation requise</translation>
        </message>
        <message>
            <source>Run condition</source>
            <translation>Condition d’exécution</translation>
        </message>
        <message>
            <source>Run only when</source>
            <translation>Exécuter seulement si</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validation</translation>
        </message>
        <message>
            <source>Validation criteria</source>
            <translation>Critères de validation</translation>
        </message>
        <message>
            <source>Functions</source>
            <translation>Fonctions</translation>
        </message>
        <message>
            <source>Function references</source>
            <translation>Références de fonctions</translation>
        </message>
        <message>
            <source>Function calls</source>
            <translation>Appels de fonctions</translation>
        </message>
        <message>
            <source>Loop · %1</source>
            <translation>Boucle · %1</translation>
        </message>
        <message>
            <source>Loop type</source>
            <translation>Type de boucle</translation>
        </message>
        <message>
            <source>Max iterations</source>
            <translation>Itérations max.</translation>
        </message>
        <message>
            <source>1–1000</source>
            <translation>1–1000</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>Condition</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>a number or a context variable name</source>
            <translation>un nombre ou le nom d’une variable de contexte</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Éléments</translation>
        </message>
        <message>
            <source>context variable holding an array</source>
            <translation>variable de contexte contenant un tableau</translation>
        </message>
        <message>
            <source>Iteration variable</source>
            <translation>Variable d’itération</translation>
        </message>
        <message>
            <source>currentIteration</source>
            <translation>currentIteration</translation>
        </message>
        <message>
            <source>Item variable</source>
            <translation>Variable d’élément</translation>
        </message>
        <message>
            <source>currentItem</source>
            <translation>currentItem</translation>
        </message>
        <message>
            <source>Index variable</source>
            <translation>Variable d’index</translation>
        </message>
        <message>
            <source>currentIndex</source>
            <translation>currentIndex</translation>
        </message>
        <message>
            <source>Body step id</source>
            <translation>Identifiant de l’étape du corps</translation>
        </message>
        <message>
            <source>one entry per line</source>
            <translation>une entrée par ligne</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Non défini</translation>
        </message>
        <message>
            <source>Always (true)</source>
            <translation>Toujours (true)</translation>
        </message>
        <message>
            <source>Never (false)</source>
            <translation>Jamais (false)</translation>
        </message>
        <message>
            <source>When a condition holds</source>
            <translation>Si une condition est remplie</translation>
        </message>
        <message>
            <source>JSON; empty = absent</source>
            <translation>JSON ; vide = absent</translation>
        </message>
        <message>
            <source>Not applied: %1:%2: %3</source>
            <translation>Non appliqué : %1:%2 : %3</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::JsonValueEdit</name>
        <message>
            <source>The value's JSON type: abc text, 123 number, t/f true or false, null, { } object or array. It follows what you type (Large is text, true a boolean, 3 a number, "3" text) until you pick one here: pick abc to make true or 3 a string.</source>
            <translation>Le type JSON de la valeur : abc texte, 123 nombre, t/f vrai ou faux, null, { } objet ou tableau. Il suit la saisie (Large est du texte, true un booléen, 3 un nombre, "3" du texte) jusqu’à ce qu’un type soit choisi ici : choisir abc pour que true ou 3 soit une chaîne.</translation>
        </message>
        <message>
            <source>text</source>
            <translation>texte</translation>
        </message>
        <message>
            <source>number</source>
            <translation>nombre</translation>
        </message>
        <message>
            <source>true/false</source>
            <translation>vrai/faux</translation>
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
            <translation>auto</translation>
        </message>
        <message>
            <source>%1 value</source>
            <translation>valeur de type %1</translation>
        </message>
        <message>
            <source>Not a valid value: %1</source>
            <translation>Valeur invalide : %1</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::JsonView</name>
        <message>
            <source>Line %1, column %2: %3 — the canvas keeps the last valid version.</source>
            <translation>Ligne %1, colonne %2 : %3 — le canevas conserve la dernière version valide.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::LibraryWidget</name>
        <message>
            <source>Bundled samples</source>
            <translation>Exemples fournis</translation>
        </message>
        <message>
            <source>My workflows (%1)</source>
            <translation>Mes workflows (%1)</translation>
        </message>
        <message>
            <source>Search workflows (names, steps, prompts)…</source>
            <translation>Rechercher des workflows (noms, étapes, prompts)…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>Open the selected workflow</source>
            <translation>Ouvrir le workflow sélectionné</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Dupliquer</translation>
        </message>
        <message>
            <source>Copy the selected workflow into %1</source>
            <translation>Copier le workflow sélectionné dans %1</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Delete the selected workflow's file</source>
            <translation>Supprimer le fichier du workflow sélectionné</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Importer…</translation>
        </message>
        <message>
            <source>Copy every workflow of a folder into %1</source>
            <translation>Copier tous les workflows d’un dossier dans %1</translation>
        </message>
        <message>
            <source>Delete File…</source>
            <translation>Supprimer le fichier…</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Général</translation>
        </message>
        <message>
            <source>Cannot read %1.</source>
            <translation>Impossible de lire %1.</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (copie)</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Impossible d’écrire %1 : %2</translation>
        </message>
        <message>
            <source>Duplicated as %1</source>
            <translation>Dupliqué sous %1</translation>
        </message>
        <message>
            <source>“%1” is bundled with the application and cannot be deleted.</source>
            <translation>« %1 » est fourni avec l’application et ne peut pas être supprimé.</translation>
        </message>
        <message>
            <source>Delete Workflow</source>
            <translation>Supprimer le workflow</translation>
        </message>
        <message>
            <source>Delete the file %1?
This cannot be undone.</source>
            <translation>Supprimer le fichier %1 ?
Cette action est irréversible.</translation>
        </message>
        <message>
            <source>Cannot delete %1.</source>
            <translation>Impossible de supprimer %1.</translation>
        </message>
        <message>
            <source>Deleted %1</source>
            <translation>%1 supprimé</translation>
        </message>
        <message>
            <source>Import Workflows</source>
            <translation>Importer des workflows</translation>
        </message>
        <message>
            <source>Importing workflows…</source>
            <translation>Importation des workflows…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>%1: not a workflow (no "id")</source>
            <translation>%1 : pas un workflow (pas d’"id")</translation>
        </message>
        <message>
            <source>%1: cannot copy to %2</source>
            <translation>%1 : impossible de copier vers %2</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n workflow(s)</source>
            <translation>
                <numerusform>%n workflow importé</numerusform>
                <numerusform>%n workflows importés</numerusform>
            </translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importation</translation>
        </message>
        <message>
            <source>Imported %1 of %2 files. Skipped:
%3</source>
            <translation>%1 fichiers sur %2 importés. Ignorés :
%3</translation>
        </message>
        <message>
            <source>the search index could not be created: %1</source>
            <translation>l’index de recherche n’a pas pu être créé : %1</translation>
        </message>
        <message>
            <source>the search index could not be updated: %1</source>
            <translation>l’index de recherche n’a pas pu être mis à jour : %1</translation>
        </message>
        <message>
            <source>Search: %1.</source>
            <translation>Recherche : %1.</translation>
        </message>
        <message>
            <source>Search is unavailable (%1). Showing every workflow.</source>
            <translation>La recherche est indisponible (%1). Tous les workflows sont affichés.</translation>
        </message>
        <message>
            <source>Search failed: %1. Showing every workflow.</source>
            <translation>La recherche a échoué : %1. Tous les workflows sont affichés.</translation>
        </message>
        <message>
            <source>No workflow matches “%1”.</source>
            <translation>Aucun workflow ne correspond à « %1 ».</translation>
        </message>
        <message numerus="yes">
            <source>%n workflow(s) match “%1”.</source>
            <translation>
                <numerusform>%n workflow correspond à « %1 ».</numerusform>
                <numerusform>%n workflows correspondent à « %1 ».</numerusform>
            </translation>
        </message>
        <message>
            <source>Published on the team server</source>
            <translation>Publiés sur le serveur d’équipe</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::LoadTestPanel</name>
        <message>
            <source>Run Load Test</source>
            <translation>Lancer le test de charge</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Démarré</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <source>Seconds</source>
            <translation>Secondes</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requêtes</translation>
        </message>
        <message>
            <source>Requests/s</source>
            <translation>Requêtes/s</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <source>L1 hit %</source>
            <translation>Succès L1 %</translation>
        </message>
        <message>
            <source>Virtual users:</source>
            <translation>Utilisateurs virtuels :</translation>
        </message>
        <message>
            <source>Duration:</source>
            <translation>Durée :</translation>
        </message>
        <message>
            <source>Mix:</source>
            <translation>Répartition :</translation>
        </message>
        <message>
            <source>Results:</source>
            <translation>Résultats :</translation>
        </message>
        <message>
            <source>Load test failed: %1</source>
            <translation>Échec du test de charge : %1</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>Opération</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>In-process (studio engine)</source>
            <translation>Dans le processus (moteur du studio)</translation>
        </message>
        <message>
            <source>MCP HTTP listener</source>
            <translation>Écouteur HTTP MCP</translation>
        </message>
        <message>
            <source>Calls the studio's engine directly through its result cache: the charts and cache statistics move while the test runs</source>
            <translation>Appelle directement le moteur du studio via son cache de résultats : les graphiques et les statistiques du cache évoluent pendant le test</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> ms</translation>
        </message>
        <message>
            <source>none (closed loop)</source>
            <translation>aucun (boucle fermée)</translation>
        </message>
        <message>
            <source>Pause of each virtual user between two requests</source>
            <translation>Pause de chaque utilisateur virtuel entre deux requêtes</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Cible</translation>
        </message>
        <message>
            <source>Think ms</source>
            <translation>Réflexion ms</translation>
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
            <translation>Cible :</translation>
        </message>
        <message>
            <source>Think time:</source>
            <translation>Temps de réflexion :</translation>
        </message>
        <message>
            <source>40% workflow_list · 30% workflow_get · 20% workflow_next · 10% workflow_validate</source>
            <translation>40 % workflow_list · 30 % workflow_get · 20 % workflow_next · 10 % workflow_validate</translation>
        </message>
        <message>
            <source>Real JSON-RPC requests to %1 (one MCP session and keep-alive connection per virtual user)</source>
            <translation>Vraies requêtes JSON-RPC vers %1 (une session MCP et une connexion keep-alive par utilisateur virtuel)</translation>
        </message>
        <message>
            <source>Unavailable: the MCP listener is off</source>
            <translation>Indisponible : l’écouteur MCP est désactivé</translation>
        </message>
        <message>
            <source>Turn it on in File › Settings… and restart the studio.</source>
            <translation>Activez-le dans Fichier › Paramètres… et redémarrez le studio.</translation>
        </message>
        <message numerus="yes">
            <source>Running %n virtual user(s) against %1…</source>
            <translation>
                <numerusform>%n utilisateur virtuel en cours sur %1…</numerusform>
                <numerusform>%n utilisateurs virtuels en cours sur %1…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Running %n virtual user(s) in-process…</source>
            <translation>
                <numerusform>%n utilisateur virtuel en cours dans le processus…</numerusform>
                <numerusform>%n utilisateurs virtuels en cours dans le processus…</numerusform>
            </translation>
        </message>
        <message>
            <source>MCP HTTP</source>
            <translation>HTTP MCP</translation>
        </message>
        <message>
            <source>In-process</source>
            <translation>Dans le processus</translation>
        </message>
        <message>
            <source>&lt;b&gt;Cancelled&lt;/b&gt; after %1 s.</source>
            <translation>&lt;b&gt;Annulé&lt;/b&gt; après %1 s.</translation>
        </message>
        <message numerus="yes">
            <source>%1, %n user(s), think time %2 ms:</source>
            <translation>
                <numerusform>%1, %n utilisateur, temps de réflexion %2 ms :</numerusform>
                <numerusform>%1, %n utilisateurs, temps de réflexion %2 ms :</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 requests in %2 s&lt;/b&gt;: &lt;b&gt;%3 req/s&lt;/b&gt;, %4 errors, RSS %5 MB, L1 hit rate %6 %</source>
            <translation>&lt;b&gt;%1 requêtes en %2 s&lt;/b&gt; : &lt;b&gt;%3 req./s&lt;/b&gt;, %4 erreurs, RSS %5 Mo, taux de succès L1 %6 %</translation>
        </message>
        <message>
            <source>Errors:</source>
            <translation>Erreurs :</translation>
        </message>
        <message>
            <source> (cancelled)</source>
            <translation> (annulé)</translation>
        </message>
        <message>
            <source>Repeated requests are answered from the cache after one pass; unique ones (contexts, completed steps and outputs drawn from the workflows) are computed every time</source>
            <translation>Les requêtes répétées sont servies par le cache après un passage ; les requêtes uniques (contextes, étapes terminées et sorties tirés des workflows) sont calculées à chaque fois</translation>
        </message>
        <message>
            <source>Request set</source>
            <translation>Requêtes</translation>
        </message>
        <message>
            <source>Requests:</source>
            <translation>Requêtes :</translation>
        </message>
        <message>
            <source>Varied (cache hits and misses)</source>
            <translation>Variées (succès et échecs du cache)</translation>
        </message>
        <message>
            <source>Repeated (cache hit path)</source>
            <translation>Répétées (succès du cache)</translation>
        </message>
        <message>
            <source>Unique next/validate (miss path)</source>
            <translation>next/validate uniques (sans cache)</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::MinimapView</name>
        <message>
            <source>Overview: click or drag to move the view</source>
            <translation>Vue d’ensemble : cliquez ou faites glisser pour déplacer la vue</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::MoveStepsCommand</name>
        <message>
            <source>Move steps</source>
            <translation>Déplacer les étapes</translation>
        </message>
        <message>
            <source>Move step %1</source>
            <translation>Déplacer l’étape %1</translation>
        </message>
        <message numerus="yes">
            <source>Move %n step(s)</source>
            <translation>
                <numerusform>Déplacer %n étape</numerusform>
                <numerusform>Déplacer %n étapes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::NodeItem</name>
        <message>
            <source>no loop configuration</source>
            <translation>aucune configuration de boucle</translation>
        </message>
        <message>
            <source>Repeats step “%1”</source>
            <translation>Répète l’étape « %1 »</translation>
        </message>
        <message>
            <source>Loop %1: %2</source>
            <translation>Boucle %1 : %2</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>confirmer</translation>
        </message>
        <message>
            <source>confirm if</source>
            <translation>confirmer si</translation>
        </message>
        <message>
            <source>files</source>
            <translation>fichiers</translation>
        </message>
        <message>
            <source>validation</source>
            <translation>validation</translation>
        </message>
        <message>
            <source>role</source>
            <translation>rôle</translation>
        </message>
        <message>
            <source>functions</source>
            <translation>fonctions</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Étape en cours</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Skipped: %1</source>
            <translation>Ignoré : %1</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>ignoré</translation>
        </message>
        <message>
            <source>⟳ %1</source>
            <translation>⟳ %1</translation>
        </message>
        <message>
            <source>Runs only when: %1</source>
            <translation>S’exécute seulement si : %1</translation>
        </message>
        <message>
            <source>With the edited context: %1</source>
            <translation>Avec le contexte modifié : %1</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ProblemsPanel</name>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>Trouvé par</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::RecoveryManager</name>
        <message>
            <source>Cannot lock %1: unsaved work may not be recoverable after a crash</source>
            <translation>Impossible de verrouiller %1 : le travail non enregistré pourrait ne pas être récupérable après un plantage</translation>
        </message>
        <message>
            <source>Recovery data of “%1” not saved: cannot create the folder %2</source>
            <translation>Données de récupération de « %1 » non enregistrées : impossible de créer le dossier %2</translation>
        </message>
        <message>
            <source>Recovery data of “%1” not saved to %2: %3</source>
            <translation>Données de récupération de « %1 » non enregistrées dans %2 : %3</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ReplaceJsonCommand</name>
        <message>
            <source>Edit JSON</source>
            <translation>Modifier le JSON</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::RequestLogView</name>
        <message>
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>Client / session</source>
            <translation>Client / session</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Tool</source>
            <translation>Outil</translation>
        </message>
        <message>
            <source>Latency (ms)</source>
            <translation>Latence (ms)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>The MCP listener is not running in this window: no requests to show.</source>
            <translation>L’écouteur MCP ne tourne pas dans cette fenêtre : aucune requête à afficher.</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) in the log</source>
            <translation>
                <numerusform>%n requête dans le journal</numerusform>
                <numerusform>%n requêtes dans le journal</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n erreur</numerusform>
                <numerusform>%n erreurs</numerusform>
            </translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Raison</translation>
        </message>
        <message>
            <source>Filter (any column: client, method, tool, reason, “error”)…</source>
            <translation>Filtrer (toute colonne : client, méthode, outil, raison, « error »)…</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>Réussies</translation>
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
            <translation>Tous les types</translation>
        </message>
        <message>
            <source>Transport errors</source>
            <translation>Erreurs de transport</translation>
        </message>
        <message>
            <source>Protocol errors</source>
            <translation>Erreurs de protocole</translation>
        </message>
        <message>
            <source>Tool errors</source>
            <translation>Erreurs d’outil</translation>
        </message>
        <message>
            <source>All tools</source>
            <translation>Tous les outils</translation>
        </message>
        <message>
            <source>All clients</source>
            <translation>Tous les clients</translation>
        </message>
        <message>
            <source>%1 error</source>
            <translation>erreur %1</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::RunModeController</name>
        <message>
            <source>Stepper</source>
            <translation>Pas-à-pas</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>E&amp;xécution</translation>
        </message>
        <message>
            <source>&amp;Start Run</source>
            <translation>&amp;Démarrer l’exécution</translation>
        </message>
        <message>
            <source>Ctrl+R</source>
            <comment>start run</comment>
            <translation>Ctrl+R</translation>
        </message>
        <message>
            <source>Walk through the current workflow as an agent would</source>
            <translation>Parcourir le workflow actuel comme le ferait un agent</translation>
        </message>
        <message>
            <source>Stop &amp;Following</source>
            <translation>Arrêter le &amp;suivi</translation>
        </message>
        <message>
            <source>&amp;Clear Run Highlighting</source>
            <translation>&amp;Effacer la mise en évidence de l’exécution</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <comment>show dashboard</comment>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <source>Workflow “%1” is not served by the engine</source>
            <translation>Le workflow « %1 » n’est pas servi par le moteur</translation>
        </message>
        <message>
            <source>Resume Session</source>
            <translation>Reprendre la session</translation>
        </message>
        <message>
            <source>Open a workflow to run it</source>
            <translation>Ouvrez un workflow pour l’exécuter</translation>
        </message>
        <message>
            <source>Start Run</source>
            <translation>Démarrer l’exécution</translation>
        </message>
        <message>
            <source>The workflow needs an id to run.</source>
            <translation>Le workflow doit avoir un identifiant pour être exécuté.</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::SessionsWidget</name>
        <message>
            <source>Session</source>
            <translation>Session</translation>
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
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Étape en cours</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Mis à jour</translation>
        </message>
        <message>
            <source>Select a session to follow it on the canvas (read-only).</source>
            <translation>Sélectionnez une session pour la suivre sur le canevas (lecture seule).</translation>
        </message>
        <message>
            <source>&amp;Follow on Canvas</source>
            <translation>&amp;Suivre sur le canevas</translation>
        </message>
        <message>
            <source>&amp;Resume in Stepper</source>
            <translation>&amp;Reprendre dans le pas-à-pas</translation>
        </message>
        <message>
            <source>&amp;Delete Session</source>
            <translation>&amp;Supprimer la session</translation>
        </message>
        <message>
            <source>Delete Session</source>
            <translation>Supprimer la session</translation>
        </message>
        <message>
            <source>Delete session %1 and its history?</source>
            <translation>Supprimer la session %1 et son historique ?</translation>
        </message>
        <message>
            <source>Resume in Stepper</source>
            <translation>Reprendre dans le pas-à-pas</translation>
        </message>
        <message>
            <source>✓ complete</source>
            <translation>✓ terminé</translation>
        </message>
        <message numerus="yes">
            <source>%n tool call(s); created %1</source>
            <translation>
                <numerusform>%n appel d’outil ; créée le %1</numerusform>
                <numerusform>%n appels d’outils ; créée le %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Replay: drag to see the step, what was sent and the answer at each call</source>
            <translation>Relecture : faites glisser pour voir l’étape, l’envoi et la réponse de chaque appel</translation>
        </message>
        <message>
            <source>Select a session to replay its calls.</source>
            <translation>Sélectionnez une session pour rejouer ses appels.</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Envoyé</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>No recorded calls for this session.</source>
            <translation>Aucun appel enregistré pour cette session.</translation>
        </message>
        <message>
            <source>error</source>
            <translation>erreur</translation>
        </message>
        <message>
            <source>%1 (loop %2, pass %3)</source>
            <translation>%1 (boucle %2, passage %3)</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>valide</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>non valide</translation>
        </message>
        <message>
            <source>Call %1 of %2 · %3 · %4 → %5</source>
            <translation>Appel %1 sur %2 · %3 · %4 → %5</translation>
        </message>
        <message>
            <source>no eligible step</source>
            <translation>aucune étape éligible</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::SetFieldCommand</name>
        <message>
            <source>Edit workflow %1</source>
            <translation>Modifier le workflow %1</translation>
        </message>
        <message>
            <source>Edit %1 of %2</source>
            <translation>Modifier %1 de %2</translation>
        </message>
        <message>
            <source>New step</source>
            <translation>Nouvelle étape</translation>
        </message>
        <message>
            <source>Describe what the agent should do.</source>
            <translation>Décrivez ce que l’agent doit faire.</translation>
        </message>
        <message>
            <source>Loop step</source>
            <translation>Étape de boucle</translation>
        </message>
        <message>
            <source>Describe one iteration.</source>
            <translation>Décrivez une itération.</translation>
        </message>
        <message>
            <source>New loop</source>
            <translation>Nouvelle boucle</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::SettingsDialog</name>
        <message>
            <source>&amp;Start the MCP listener with the studio</source>
            <translation>&amp;Démarrer l’écouteur MCP avec le studio</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>MCP listener</source>
            <translation>Écouteur MCP</translation>
        </message>
        <message>
            <source>The address the HTTP listener binds to. 127.0.0.1 accepts only local clients.</source>
            <translation>L’adresse sur laquelle écoute le serveur HTTP. 127.0.0.1 n’accepte que les clients locaux.</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse :</translation>
        </message>
        <message>
            <source>any free port</source>
            <translation>n’importe quel port libre</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port :</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Masquer</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>Régénérer</translation>
        </message>
        <message>
            <source>Bearer &amp;token:</source>
            <translation>&amp;Jeton bearer :</translation>
        </message>
        <message>
            <source>Listener changes take effect after a restart.</source>
            <translation>Les modifications de l’écouteur prennent effet après un redémarrage.</translation>
        </message>
        <message>
            <source>Workflow folders</source>
            <translation>Dossiers de workflows</translation>
        </message>
        <message>
            <source>Folders whose workflows the studio and the MCP listener serve, besides the bundled ones.</source>
            <translation>Dossiers dont le studio et l’écouteur MCP servent les workflows, en plus de ceux fournis.</translation>
        </message>
        <message>
            <source>A&amp;dd…</source>
            <translation>&amp;Ajouter…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Général</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Système</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Clair</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Sombre</translation>
        </message>
        <message>
            <source>T&amp;heme:</source>
            <translation>T&amp;hème :</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>A new language applies after a restart.</source>
            <translation>Une nouvelle langue s’applique après un redémarrage.</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>How often unsaved work is written to the recovery folder.</source>
            <translation>Fréquence d’écriture du travail non enregistré dans le dossier de récupération.</translation>
        </message>
        <message>
            <source>A&amp;utosave every:</source>
            <translation>&amp;Sauvegarde automatique toutes les :</translation>
        </message>
        <message>
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <source>Keep &amp;metrics for:</source>
            <translation>Conserver les &amp;mesures :</translation>
        </message>
        <message>
            <source>Regenerate Token</source>
            <translation>Régénérer le jeton</translation>
        </message>
        <message>
            <source>Agents configured with the current token will be refused once the listener restarts. Generate a new token?</source>
            <translation>Les agents configurés avec le jeton actuel seront refusés après le redémarrage de l’écouteur. Générer un nouveau jeton ?</translation>
        </message>
        <message>
            <source>Add Workflow Folder</source>
            <translation>Ajouter un dossier de workflows</translation>
        </message>
        <message>
            <source>Folder changes apply at once: the Library and connected agents see them when you press OK or Apply.</source>
            <translation>Les changements de dossiers s’appliquent aussitôt : la bibliothèque et les agents connectés les voient dès que vous cliquez sur OK ou Appliquer.</translation>
        </message>
        <message>
            <source>How long metrics samples are kept. Applies at once: older samples are deleted at the next save of the metrics.</source>
            <translation>Durée de conservation des mesures. S’applique aussitôt : les mesures plus anciennes sont supprimées au prochain enregistrement des métriques.</translation>
        </message>
        <message>
            <source>How long agent sessions and their calls (Sessions, Heat Map, replay) are kept after their last call. At most the 10,000 most recent sessions are kept in any case.</source>
            <translation>Durée de conservation des sessions des agents et de leurs appels (Sessions, carte de chaleur, relecture) après leur dernier appel. Au plus les 10 000 sessions les plus récentes sont conservées dans tous les cas.</translation>
        </message>
        <message>
            <source>Keep s&amp;essions for:</source>
            <translation>Conserver les s&amp;essions :</translation>
        </message>
        <message>
            <source>Test Co&amp;nnection</source>
            <translation>Tester la co&amp;nnexion</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>Serveur d’équipe</translation>
        </message>
        <message>
            <source>postgresql://user@host:5432/database</source>
            <translation>postgresql://utilisateur@hôte:5432/base</translation>
        </message>
        <message>
            <source>The team&apos;s PostgreSQL store that the wfstudio mcp instances share (their sessions, published workflows and metrics). Empty: this computer&apos;s own database.</source>
            <translation>Le stockage PostgreSQL de l’équipe que partagent les instances wfstudio mcp (leurs sessions, workflows publiés et mesures). Vide : la base de données propre à cet ordinateur.</translation>
        </message>
        <message>
            <source>Team store (Post&amp;greSQL):</source>
            <translation>Stockage d’équipe (Post&amp;greSQL) :</translation>
        </message>
        <message>
            <source>redis://host:6379/0</source>
            <translation>redis://hôte:6379/0</translation>
        </message>
        <message>
            <source>The team&apos;s shared Redis cache. Empty: none (this studio caches in memory and in its database).</source>
            <translation>Le cache Redis partagé de l’équipe. Vide : aucun (ce studio met en cache en mémoire et dans sa base de données).</translation>
        </message>
        <message>
            <source>Shared cache (Red&amp;is):</source>
            <translation>Cache partagé (Red&amp;is) :</translation>
        </message>
        <message>
            <source>Connects to the store and the cache now and says what it finds</source>
            <translation>Se connecte maintenant au stockage et au cache et indique ce qu’il trouve</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Stockage</translation>
        </message>
        <message numerus="yes">
            <source>%n instance(s) reporting</source>
            <translation>
                <numerusform>%n instance fait rapport</numerusform>
                <numerusform>%n instances font rapport</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n workflow(s) published</source>
            <translation>
                <numerusform>%n workflow publié</numerusform>
                <numerusform>%n workflows publiés</numerusform>
            </translation>
        </message>
        <message>
            <source>Cache</source>
            <translation>Cache</translation>
        </message>
        <message>
            <source>The studio joins the team server at its next start: its Sessions list, heat map and dashboard (View: Team fleet) then show every instance, and its own runs are kept in the team store.</source>
            <translation>Le studio rejoint le serveur d’équipe à son prochain démarrage : sa liste des sessions, sa carte de chaleur et son tableau de bord (Vue : flotte de l’équipe) montrent alors chaque instance, et ses propres exécutions sont conservées dans le stockage d’équipe.</translation>
        </message>
        <message>
            <source>Team store: %1</source>
            <translation>Stockage d’équipe : %1</translation>
        </message>
        <message>
            <source>Shared cache: %1</source>
            <translation>Cache partagé : %1</translation>
        </message>
        <message>
            <source>Saved: the studio joins %1 at its next start.</source>
            <translation>Enregistré : le studio rejoint %1 à son prochain démarrage.</translation>
        </message>
        <message>
            <source>its own database</source>
            <translation>sa propre base de données</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connexion…</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::StepperPanel</name>
        <message>
            <source>The user confirmed this step</source>
            <translation>L’utilisateur a confirmé cette étape</translation>
        </message>
        <message>
            <source>Start Run</source>
            <translation>Démarrer l’exécution</translation>
        </message>
        <message>
            <source>Va&amp;lidate</source>
            <translation>&amp;Valider</translation>
        </message>
        <message>
            <source>&amp;Complete Step</source>
            <translation>&amp;Terminer l’étape</translation>
        </message>
        <message>
            <source>Restart</source>
            <translation>Recommencer</translation>
        </message>
        <message>
            <source>Export Markdown…</source>
            <translation>Exporter en Markdown…</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>Exporter en JSON…</translation>
        </message>
        <message>
            <source>The agent's output for this step</source>
            <translation>La sortie de l’agent pour cette étape</translation>
        </message>
        <message>
            <source>Start a session on the workflow of the current tab</source>
            <translation>Démarrer une session sur le workflow de l’onglet actif</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Passage</translation>
        </message>
        <message>
            <source>Validation</source>
            <translation>Validation</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Contexte</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>Output:</source>
            <translation>Sortie :</translation>
        </message>
        <message>
            <source>Restart Run</source>
            <translation>Recommencer l’exécution</translation>
        </message>
        <message>
            <source>Start a new session on this workflow from the first step? The current session stays in the Sessions list.</source>
            <translation>Démarrer une nouvelle session sur ce workflow depuis la première étape ? La session actuelle reste dans la liste des sessions.</translation>
        </message>
        <message>
            <source>Export Run as Markdown</source>
            <translation>Exporter l’exécution en Markdown</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>Export Run as JSON</source>
            <translation>Exporter l’exécution en JSON</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>&lt;b style='color:#2e9d4f'&gt;✓ Valid&lt;/b&gt;</source>
            <translation>&lt;b style='color:#2e9d4f'&gt;✓ Valide&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style='color:#d32f2f'&gt;✗ Not valid&lt;/b&gt;</source>
            <translation>&lt;b style='color:#d32f2f'&gt;✗ Non valide&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Issues:</source>
            <translation>Problèmes :</translation>
        </message>
        <message>
            <source>Suggestions:</source>
            <translation>Suggestions :</translation>
        </message>
        <message>
            <source>This step needs the user's confirmation first.</source>
            <translation>Cette étape nécessite d’abord la confirmation de l’utilisateur.</translation>
        </message>
        <message>
            <source>Complete Step</source>
            <translation>Terminer l’étape</translation>
        </message>
        <message>
            <source>The output does not pass the step's validation. Complete the step anyway?</source>
            <translation>La sortie ne passe pas la validation de l’étape. Terminer l’étape quand même ?</translation>
        </message>
        <message>
            <source>No run. Open a workflow and press Start Run (Run ▸ Start Run), or resume a session from the Sessions list.</source>
            <translation>Aucune exécution. Ouvrez un workflow et cliquez sur « Démarrer l’exécution » (Exécution ▸ Démarrer l’exécution), ou reprenez une session depuis la liste des sessions.</translation>
        </message>
        <message numerus="yes">
            <source>Workflow &lt;b&gt;%1&lt;/b&gt; · session &lt;code&gt;%2&lt;/code&gt; · %n step(s) completed</source>
            <translation>
                <numerusform>Workflow &lt;b&gt;%1&lt;/b&gt; · session &lt;code&gt;%2&lt;/code&gt; · %n étape terminée</numerusform>
                <numerusform>Workflow &lt;b&gt;%1&lt;/b&gt; · session &lt;code&gt;%2&lt;/code&gt; · %n étapes terminées</numerusform>
            </translation>
        </message>
        <message>
            <source>Agent role</source>
            <translation>Rôle de l’agent</translation>
        </message>
        <message>
            <source>Guidance</source>
            <translation>Consignes</translation>
        </message>
        <message>
            <source>Meta guidance</source>
            <translation>Consignes générales</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>Confirmation</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>No run</source>
            <translation>Aucune exécution</translation>
        </message>
        <message>
            <source>✓ Workflow complete</source>
            <translation>✓ Workflow terminé</translation>
        </message>
        <message>
            <source>No step</source>
            <translation>Aucune étape</translation>
        </message>
        <message>
            <source>All steps are done. Export the run, or restart it.</source>
            <translation>Toutes les étapes sont faites. Exportez l’exécution ou recommencez-la.</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>error</source>
            <translation>erreur</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>valide</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>non valide</translation>
        </message>
        <message>
            <source>Apply Edits</source>
            <translation>Appliquer les modifications</translation>
        </message>
        <message>
            <source>Restart with Edits</source>
            <translation>Redémarrer avec les modifications</translation>
        </message>
        <message>
            <source>Ask for the &amp;Next Step</source>
            <translation>Demander l'étape &amp;suivante</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Agent role, guidance, meta guidance, validation criteria and confirmation of this step</source>
            <translation>Rôle de l'agent, conseils, méta-conseils, critères de validation et confirmation de cette étape</translation>
        </message>
        <message>
            <source>Call workflow_next again with the edited context, as an agent does after setting the variables the run is waiting for</source>
            <translation>Rappeler workflow_next avec le contexte modifié, comme un agent après avoir défini les variables qu'attend l'exécution</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>Export the run with its explanations, as Markdown or JSON</source>
            <translation>Exporter l'exécution avec ses explications, en Markdown ou JSON</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>Select a step here or on the canvas to see why it has its status.</source>
            <translation>Sélectionnez une étape ici ou sur le canevas pour voir pourquoi elle a son statut.</translation>
        </message>
        <message>
            <source>Go on with this session, walking the edited workflow</source>
            <translation>Poursuivre cette session avec le workflow modifié</translation>
        </message>
        <message>
            <source>&lt;b&gt;The workflow was edited&lt;/b&gt; after this step was handed out. Apply the edits to this run, or restart it.</source>
            <translation>&lt;b&gt;Le workflow a été modifié&lt;/b&gt; après la remise de cette étape. Appliquez les modifications à cette exécution ou redémarrez-la.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Running unsaved changes&lt;/b&gt;: this run walks the editor's document; agents get the saved version until you save it.</source>
            <translation>&lt;b&gt;Exécution de modifications non enregistrées&lt;/b&gt; : cette exécution suit le document de l'éditeur ; les agents reçoivent la version enregistrée jusqu'à ce que vous l'enregistriez.</translation>
        </message>
        <message>
            <source>Run condition:</source>
            <translation>Condition d'exécution :</translation>
        </message>
        <message>
            <source>true</source>
            <translation>vrai</translation>
        </message>
        <message>
            <source>false</source>
            <translation>faux</translation>
        </message>
        <message>
            <source>Values read:</source>
            <translation>Valeurs lues :</translation>
        </message>
        <message>
            <source>Decided by:</source>
            <translation>Décidé par :</translation>
        </message>
        <message>
            <source>To unblock: %1</source>
            <translation>Pour débloquer : %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;The run is blocked&lt;/b&gt;: no step's condition holds. Set a variable, then ask for the next step.</source>
            <translation>&lt;b&gt;L'exécution est bloquée&lt;/b&gt; : aucune condition d'étape n'est remplie. Définissez une variable, puis demandez l'étape suivante.</translation>
        </message>
        <message>
            <source>Add “%1”</source>
            <translation>Ajouter « %1 »</translation>
        </message>
        <message>
            <source>Set %1 = %2</source>
            <translation>Définir %1 = %2</translation>
        </message>
        <message>
            <source>“%1” set in the context: ask for the next step to go on</source>
            <translation>« %1 » défini dans le contexte : demandez l'étape suivante pour continuer</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::StepperRun</name>
        <message>
            <source>Workflow “%1” is not served by the engine (save it first, or check the Problems).</source>
            <translation>Le workflow « %1 » n’est pas servi par le moteur (enregistrez-le d’abord ou consultez les problèmes).</translation>
        </message>
        <message>
            <source>Session %1 does not exist (any more).</source>
            <translation>La session %1 n’existe pas (ou plus).</translation>
        </message>
        <message>
            <source>Session %1 has no workflow yet.</source>
            <translation>La session %1 n’a pas encore de workflow.</translation>
        </message>
        <message>
            <source>No run to restart.</source>
            <translation>Aucune exécution à recommencer.</translation>
        </message>
        <message>
            <source>There is no current step to validate.</source>
            <translation>Il n’y a pas d’étape en cours à valider.</translation>
        </message>
        <message>
            <source>There is no current step to complete.</source>
            <translation>Il n’y a pas d’étape en cours à terminer.</translation>
        </message>
        <message>
            <source>The context must be a JSON object.</source>
            <translation>Le contexte doit être un objet JSON.</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>Yes (%1)</source>
            <translation>Oui (%1)</translation>
        </message>
        <message>
            <source>No (%1)</source>
            <translation>Non (%1)</translation>
        </message>
        <message>
            <source>runCondition is false: %1</source>
            <translation>runCondition est fausse : %1</translation>
        </message>
        <message>
            <source>pass %1 of %2</source>
            <translation>passage %1 sur %2</translation>
        </message>
        <message>
            <source>pass %1</source>
            <translation>passage %1</translation>
        </message>
        <message numerus="yes">
            <source>%n pass(es)</source>
            <translation>
                <numerusform>%n passage</numerusform>
                <numerusform>%n passages</numerusform>
            </translation>
        </message>
        <message>
            <source>Run of %1</source>
            <translation>Exécution de %1</translation>
        </message>
        <message>
            <source>Workflow</source>
            <translation>Workflow</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>terminé</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>en cours</translation>
        </message>
        <message>
            <source>Completed steps</source>
            <translation>Étapes terminées</translation>
        </message>
        <message>
            <source>— pass %1</source>
            <translation>— passage %1</translation>
        </message>
        <message>
            <source>Output:</source>
            <translation>Sortie :</translation>
        </message>
        <message>
            <source>Validation: passed</source>
            <translation>Validation : réussie</translation>
        </message>
        <message>
            <source>Validation: failed</source>
            <translation>Validation : échouée</translation>
        </message>
        <message>
            <source>Validation error: %1</source>
            <translation>Erreur de validation : %1</translation>
        </message>
        <message>
            <source>None yet.</source>
            <translation>Aucune pour l’instant.</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>Étape en cours</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Contexte</translation>
        </message>
        <message>
            <source>No run to continue.</source>
            <translation>Aucune exécution à poursuivre.</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>terminée</translation>
        </message>
        <message>
            <source>next</source>
            <translation>suivante</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>bloquée</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>en attente</translation>
        </message>
        <message>
            <source>Run: %1 — %2</source>
            <translation>Exécution : %1 — %2</translation>
        </message>
        <message>
            <source>To unblock: %1</source>
            <translation>Pour débloquer : %1</translation>
        </message>
        <message>
            <source>unset</source>
            <translation>non défini</translation>
        </message>
        <message>
            <source>would be next</source>
            <translation>serait la suivante</translation>
        </message>
        <message>
            <source>would not be next</source>
            <translation>ne serait plus la suivante</translation>
        </message>
        <message>
            <source>would be %1</source>
            <translation>serait %1</translation>
        </message>
        <message>
            <source>would run</source>
            <translation>serait exécutée</translation>
        </message>
        <message>
            <source>would be skipped</source>
            <translation>serait ignorée</translation>
        </message>
        <message>
            <source>Why each step has its status</source>
            <translation>Pourquoi chaque étape a son statut</translation>
        </message>
        <message>
            <source>Blocked: %1</source>
            <translation>Bloquée : %1</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>ignorée</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::ValidationEditor</name>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Rule / group</source>
            <translation>Règle / groupe</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Value / pattern / min / schema</source>
            <translation>Valeur / motif / min / schéma</translation>
        </message>
        <message>
            <source>Flags / max</source>
            <translation>Options / max</translation>
        </message>
        <message>
            <source>Condition (JSON)</source>
            <translation>Condition (JSON)</translation>
        </message>
        <message>
            <source>+ Rule</source>
            <translation>+ Règle</translation>
        </message>
        <message>
            <source>+ Group</source>
            <translation>+ Groupe</translation>
        </message>
        <message>
            <source>All rules</source>
            <translation>Toutes les règles</translation>
        </message>
        <message>
            <source>all of (and)</source>
            <translation>tous (et)</translation>
        </message>
        <message>
            <source>any of (or)</source>
            <translation>au moins un (ou)</translation>
        </message>
        <message>
            <source>not</source>
            <translation>non</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>message shown when the rule fails</source>
            <translation>message affiché quand la règle échoue</translation>
        </message>
        <message>
            <source>optional, e.g. {"var":"x","equals":1}</source>
            <translation>facultatif, p. ex. {"var":"x","equals":1}</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::WorkflowDocument</name>
        <message>
            <source>Untitled</source>
            <translation>Sans titre</translation>
        </message>
    </context>
    <context>
        <name>wfs::studio::WorkflowScene</name>
        <message>
            <source>Error: %1</source>
            <translation>Erreur : %1</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>Avertissement : %1</translation>
        </message>
        <message>
            <source>Cannot paste: %1</source>
            <translation>Impossible de coller : %1</translation>
        </message>
        <message>
            <source>Insert &amp;Step Here</source>
            <translation>Insérer une é&amp;tape ici</translation>
        </message>
        <message>
            <source>Insert &amp;Loop Here</source>
            <translation>Insérer une &amp;boucle ici</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <source>&amp;Paste Here</source>
            <translation>&amp;Coller ici</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Supprimer</translation>
        </message>
    </context>
</TS>
