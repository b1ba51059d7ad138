<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
  <context>
    <name>FilterDock</name>
    <message>
      <source>Trygghet – filter and situation picture</source>
      <translation>Trygghet – filter och lägesbild</translation>
    </message>
    <message>
      <source>Store:</source>
      <translation>Databas:</translation>
    </message>
    <message>
      <source>Store: the GeoPackage with the incidents</source>
      <translation>Databasen: GeoPackage-filen med händelserna</translation>
    </message>
    <message>
      <source>path to .gpkg</source>
      <translation>sökväg till .gpkg</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>14 days (two ISO weeks), a tertial (four months) or dates of your own</source>
      <translation>14 dagar (två ISO-veckor), ett tertial (fyra månader) eller egna datum</translation>
    </message>
    <message>
      <source>previous period</source>
      <translation>Föregående period</translation>
    </message>
    <message>
      <source>next period</source>
      <translation>Nästa period</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Från</translation>
    </message>
    <message>
      <source>to and including</source>
      <translation>till och med</translation>
    </message>
    <message>
      <source>Categories</source>
      <translation>Kategorier</translation>
    </message>
    <message>
      <source>Categories (a category includes its subcategories)</source>
      <translation>Kategorier (en kategori omfattar sina underkategorier)</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Källor</translation>
    </message>
    <message>
      <source>Sources: reports, police, …</source>
      <translation>Källor: rapporter, polisen, …</translation>
    </message>
    <message>
      <source>Areas</source>
      <translation>Områden</translation>
    </message>
    <message>
      <source>Areas: incidents inside the chosen areas</source>
      <translation>Områden: händelser inom de valda områdena</translation>
    </message>
    <message>
      <source>Organisations</source>
      <translation>Organisationer</translation>
    </message>
    <message>
      <source>Reporting organisations</source>
      <translation>Organisationer som rapporterar</translation>
    </message>
    <message>
      <source>Check all</source>
      <translation>Markera alla</translation>
    </message>
    <message>
      <source>Uncheck all</source>
      <translation>Avmarkera alla</translation>
    </message>
    <message>
      <source>Clear filter</source>
      <translation>Rensa filter</translation>
    </message>
    <message>
      <source>Everything checked in every list</source>
      <translation>Allt markerat i varje lista</translation>
    </message>
    <message>
      <source>Situation picture and export</source>
      <translation>Lägesbild och export</translation>
    </message>
    <message>
      <source>Show the situation picture on the map</source>
      <translation>Visa lägesbild på kartan</translation>
    </message>
    <message>
      <source>Build the layer group of the period: incidents, police per area, hot spots, density, rates per area, survey</source>
      <translation>Bygg periodens lagergrupp: händelser, polisens händelser per område, hotspots, täthet, tal per område, trygghetsmätning</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Export filtered incidents …</source>
      <translation>Exportera filtrerade händelser …</translation>
    </message>
    <message>
      <source>The incidents the filter keeps, as GeoPackage or as CSV for Excel</source>
      <translation>Händelserna som filtret behåller, som GeoPackage eller som CSV för Excel</translation>
    </message>
    <message>
      <source>Export layers for planners …</source>
      <translation>Exportera lager för planerare …</translation>
    </message>
    <message>
      <source>The lägesbild's layers in one GeoPackage (EPSG:3006) with their styles inside</source>
      <translation>Lägesbildens lager i en GeoPackage (EPSG:3006) med sina stilar i filen</translation>
    </message>
    <message>
      <source>Reports (collection service)</source>
      <translation>Rapporter (insamlingstjänsten)</translation>
    </message>
    <message>
      <source>Police</source>
      <translation>Polisen</translation>
    </message>
    <message>
      <source>14 days (two weeks)</source>
      <translation>14 dagar (två veckor)</translation>
    </message>
    <message>
      <source>Tertial (four months)</source>
      <translation>Tertial (fyra månader)</translation>
    </message>
    <message>
      <source>Own dates</source>
      <translation>Egna datum</translation>
    </message>
    <message>
      <source>Trygghet: reading filter choices</source>
      <translation>Trygghet: läser filterval</translation>
    </message>
    <message>
      <source>Export filtered incidents</source>
      <translation>Exportera filtrerade händelser</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg);;CSV for Excel (*.csv)</source>
      <translation>GeoPackage (*.gpkg);;CSV för Excel (*.csv)</translation>
    </message>
    <message>
      <source>Exporting …</source>
      <translation>Exporterar händelser …</translation>
    </message>
    <message>
      <source>Trygghet: exporting incidents</source>
      <translation>Trygghet: exporterar händelser</translation>
    </message>
    <message>
      <source>Export layers for planners</source>
      <translation>Exportera lager för planerare</translation>
    </message>
    <message>
      <source>Exporting layers …</source>
      <translation>Exporterar lager …</translation>
    </message>
    <message>
      <source>Trygghet: exporting layers</source>
      <translation>Trygghet: exporterar lager</translation>
    </message>
    <message>
      <source>Store (GeoPackage)</source>
      <translation>Databas (GeoPackage)</translation>
    </message>
    <message>
      <source>{n} incidents with an exact location shown ({period}).</source>
      <translation>{n} händelser med exakt plats visas ({period}).</translation>
    </message>
    <message>
      <source>Choose a store first.</source>
      <translation>Välj en databas först.</translation>
    </message>
    <message>
      <source>Build the lägesbild first.</source>
      <translation>Visa lägesbilden på kartan först, sedan kan dess lager exporteras.</translation>
    </message>
    <message>
      <source>Building the situation picture for {period} …</source>
      <translation>Beräknar lägesbilden för {period} …</translation>
    </message>
    <message>
      <source>Trygghet: situation picture {period}</source>
      <translation>Trygghet: lägesbild {period}</translation>
    </message>
    <message>
      <source>{group} on the map.</source>
      <translation>{group} på kartan.</translation>
    </message>
    <message>
      <source>{n} incidents exported to {file}.</source>
      <translation>{n} händelser exporterade till {file}.</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Avbrutet.</translation>
    </message>
    <message>
      <source>Hot spots, density and areas show {group}: click "Show the situation picture on the map" to compute them for the period.</source>
      <translation>Hotspots, täthet och områden visar {group}: klicka "Visa lägesbild på kartan" för att räkna om dem för perioden.</translation>
    </message>
    <message>
      <source>(no organisation)</source>
      <translation>(utan organisation)</translation>
    </message>
    <message>
      <source>{group}: {n} layers.</source>
      <translation>{group}: {n} lager.</translation>
    </message>
  </context>
  <context>
    <name>LagesbildDock</name>
    <message>
      <source>Trygghet – situation picture and board analysis</source>
      <translation>Trygghet – lägesbild och nämndanalys</translation>
    </message>
    <message>
      <source>Store:</source>
      <translation>Databas:</translation>
    </message>
    <message>
      <source>Store: the GeoPackage (or PostGIS connection) the reports are read from. Shared with the other Trygghet docks.</source>
      <translation>Databasen: GeoPackage-filen (eller PostGIS-anslutningen) som rapporterna läses från. Delas med Trygghets andra paneler.</translation>
    </message>
    <message>
      <source>path to .gpkg</source>
      <translation>sökväg till .gpkg</translation>
    </message>
    <message>
      <source>Choose the store</source>
      <translation>Välj databas</translation>
    </message>
    <message>
      <source>Situation picture (internal, 14 days)</source>
      <translation>Lägesbild (intern, 14 dagar)</translation>
    </message>
    <message>
      <source>The internal situation picture: map of incidents and hot spots, key figures, weekday × hour, trend, places, reporters and the police's incidents. It holds exact locations – do not share it outside the organisation.</source>
      <translation>Den interna lägesbilden: karta med händelser och hotspots, nyckeltal, veckodag × timme, trend, platser, rapportörer och polisens händelser. Innehåller exakta platser – sprid den inte utanför organisationen.
The internal 14-day picture (exact locations: internal only).</translation>
    </message>
    <message>
      <source>The period the picture shows</source>
      <translation>Perioden som lägesbilden visar</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>◀ Föregående</translation>
    </message>
    <message>
      <source>The previous period</source>
      <translation>Perioden innan</translation>
    </message>
    <message>
      <source>Latest</source>
      <translation>Senaste</translation>
    </message>
    <message>
      <source>The last complete 14-day period</source>
      <translation>Den senaste hela 14-dagarsperioden</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>Nästa ▶</translation>
    </message>
    <message>
      <source>The next period</source>
      <translation>Perioden efter</translation>
    </message>
    <message>
      <source>Own end date:</source>
      <translation>Eget slutdatum:</translation>
    </message>
    <message>
      <source>A period that ends on a day of your choice (the last day of the period)</source>
      <translation>En period som slutar en valfri dag (periodens sista dag)</translation>
    </message>
    <message>
      <source>Paper size:</source>
      <translation>Pappersstorlek:</translation>
    </message>
    <message>
      <source>Page size of the lägesbild (landscape)</source>
      <translation>Lägesbildens pappersstorlek (liggande)</translation>
    </message>
    <message>
      <source>Make situation picture</source>
      <translation>Skapa lägesbild</translation>
    </message>
    <message>
      <source>Computes in the background, writes the PDF and opens the layout in the Layout Designer</source>
      <translation>Beräknar i bakgrunden, skriver PDF:en och öppnar layouten i layouthanteraren</translation>
    </message>
    <message>
      <source>Board analysis (public, per tertial)</source>
      <translation>Nämndanalys (publik, per tertial)</translation>
    </message>
    <message>
      <source>The analysis for the municipal board every four months: aggregated figures only, small counts shown as &lt;3, no exact locations or free texts – safe to publish.</source>
      <translation>Analysen till kommunstyrelsen var fjärde månad: bara sammanräknade uppgifter, små antal visas som &lt;3, inga exakta platser eller fritexter – säker att publicera.
The public four-monthly board analysis.</translation>
    </message>
    <message>
      <source>Tertial:</source>
      <translation>Tertial:</translation>
    </message>
    <message>
      <source>T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec</source>
      <translation>T1 jan–apr, T2 maj–aug, T3 sep–dec</translation>
    </message>
    <message>
      <source>Make board analysis</source>
      <translation>Skapa nämndanalys</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Templates and PDF folder</source>
      <translation>Mallar och PDF-mapp</translation>
    </message>
    <message>
      <source>The municipality's own layout templates (.qpt) with logo and colours. Empty = the shipped template.</source>
      <translation>Kommunens egna layoutmallar (.qpt) med logga och färger. Tom = den medföljande standardmallen.
The municipality's own layout templates; empty = the shipped template.</translation>
    </message>
    <message>
      <source>Situation picture:</source>
      <translation>Lägesbild:</translation>
    </message>
    <message>
      <source>the shipped template</source>
      <translation>standardmallen</translation>
    </message>
    <message>
      <source>Own template for the situation picture (.qpt); empty = the shipped template in the chosen paper size</source>
      <translation>Egen mall för lägesbilden (.qpt); tom = standardmallen i vald pappersstorlek</translation>
    </message>
    <message>
      <source>Choose the municipality's own template (.qpt)</source>
      <translation>Välj kommunens egen mall (.qpt)</translation>
    </message>
    <message>
      <source>Open in the Layout Designer</source>
      <translation>Öppna i layouthanteraren</translation>
    </message>
    <message>
      <source>Open the template in the Layout Designer: the situation picture's template (your own, else the shipped one) opens in QGIS's Layout Designer, so that you can add logo and colours and save a template of your own</source>
      <translation>Öppna mallen i layouthanteraren: lägesbildens mall (den egna, annars standardmallen) öppnas i QGIS layouthanterare, så att ni kan lägga in logga och färger och spara en egen mall</translation>
    </message>
    <message>
      <source>Reset to the shipped template</source>
      <translation>Återställ standardmall</translation>
    </message>
    <message>
      <source>Use the shipped template again</source>
      <translation>Använd den medföljande mallen igen</translation>
    </message>
    <message>
      <source>Board analysis:</source>
      <translation>Nämndanalys:</translation>
    </message>
    <message>
      <source>Own template for the board analysis (.qpt); empty = the shipped template (A4 portrait)</source>
      <translation>Egen mall för nämndanalysen (.qpt); tom = standardmallen (A4 stående)</translation>
    </message>
    <message>
      <source>Open the template in the Layout Designer: the board analysis's template (your own, else the shipped one) opens in QGIS's Layout Designer, so that you can add logo and colours and save a template of your own</source>
      <translation>Öppna mallen i layouthanteraren: nämndanalysens mall (den egna, annars standardmallen) öppnas i QGIS layouthanterare, så att ni kan lägga in logga och färger och spara en egen mall</translation>
    </message>
    <message>
      <source>PDF folder:</source>
      <translation>PDF-mapp:</translation>
    </message>
    <message>
      <source>next to the store</source>
      <translation>bredvid databasen</translation>
    </message>
    <message>
      <source>Where the PDFs are written; empty = the folder of the store</source>
      <translation>Mappen där PDF:erna sparas; tom = samma mapp som databasen</translation>
    </message>
    <message>
      <source>Choose a folder</source>
      <translation>Välj mapp</translation>
    </message>
    <message>
      <source>How to make your own template</source>
      <translation>Så gör ni en egen mall</translation>
    </message>
    <message>
      <source>&lt;b&gt;Your own template with the municipality's logo and colours&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Click &lt;i&gt;Open in the Layout Designer&lt;/i&gt;: the shipped template (or your own) opens in QGIS's Layout Designer. The shipped templates are in the plugin's folder &lt;tt&gt;resources/layouts/&lt;/tt&gt; (&lt;tt&gt;lagesbild_a3.qpt&lt;/tt&gt;, &lt;tt&gt;lagesbild_a4.qpt&lt;/tt&gt;, &lt;tt&gt;board_a4.qpt&lt;/tt&gt;); they can also be opened with &lt;i&gt;Project → Layout Manager → New from template&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Add a logo (&lt;i&gt;Add Picture&lt;/i&gt;), change the colours of the bands, fonts and texts, move and resize items.&lt;/li&gt;&lt;li&gt;Keep the items' &lt;b&gt;ids&lt;/b&gt; (such as &lt;tt&gt;map_main&lt;/tt&gt;, &lt;tt&gt;key_figures&lt;/tt&gt;, &lt;tt&gt;area_map&lt;/tt&gt;): the plugin fills the items by id. An item you remove is skipped.&lt;/li&gt;&lt;li&gt;Save with &lt;i&gt;Layout → Save as Template…&lt;/i&gt; (a .qpt file, preferably in a shared place).&lt;/li&gt;&lt;li&gt;Choose the file with &lt;b&gt;…&lt;/b&gt; above. &lt;i&gt;Reset to the shipped template&lt;/i&gt; goes back to the shipped template.&lt;/li&gt;&lt;/ol&gt;The setting also applies to the Processing algorithms (&lt;tt&gt;trygghet:lagesbild&lt;/tt&gt;, &lt;tt&gt;trygghet:boardanalysis&lt;/tt&gt;) when no template is given there.</source>
      <translation>&lt;b&gt;Egen mall med kommunens logga och färger&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Klicka &lt;i&gt;Öppna i layouthanteraren&lt;/i&gt;: standardmallen (eller er egen) öppnas i QGIS layouthanterare. De medföljande mallarna ligger i pluginets mapp &lt;tt&gt;resources/layouts/&lt;/tt&gt; (&lt;tt&gt;lagesbild_a3.qpt&lt;/tt&gt;, &lt;tt&gt;lagesbild_a4.qpt&lt;/tt&gt;, &lt;tt&gt;board_a4.qpt&lt;/tt&gt;); de går också att öppna via &lt;i&gt;Projekt → Layouthanteraren → Ny från mall&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Lägg till logga (&lt;i&gt;Lägg till bild&lt;/i&gt;), byt färger på banden, typsnitt och texter, flytta och ändra storlek på element.&lt;/li&gt;&lt;li&gt;Behåll elementens &lt;b&gt;id&lt;/b&gt; (t.ex. &lt;tt&gt;map_main&lt;/tt&gt;, &lt;tt&gt;key_figures&lt;/tt&gt;, &lt;tt&gt;area_map&lt;/tt&gt;): pluginet fyller elementen efter id. Ett element ni tar bort hoppas över.&lt;/li&gt;&lt;li&gt;Spara med &lt;i&gt;Layout → Spara som mall…&lt;/i&gt; (en .qpt-fil, gärna på en delad plats).&lt;/li&gt;&lt;li&gt;Välj filen med &lt;b&gt;…&lt;/b&gt; här ovanför. &lt;i&gt;Återställ standardmall&lt;/i&gt; går tillbaka till den medföljande mallen.&lt;/li&gt;&lt;/ol&gt;Inställningen gäller också Processing-algoritmerna (&lt;tt&gt;trygghet:lagesbild&lt;/tt&gt;, &lt;tt&gt;trygghet:boardanalysis&lt;/tt&gt;) när ingen mall anges där.</translation>
    </message>
    <message>
      <source>A3 landscape</source>
      <translation>A3 liggande</translation>
    </message>
    <message>
      <source>A4 landscape</source>
      <translation>A4 liggande</translation>
    </message>
    <message>
      <source>Trygghet: situation picture {period}</source>
      <translation>Trygghet: lägesbild {period}</translation>
    </message>
    <message>
      <source>Trygghet: board analysis {period}</source>
      <translation>Trygghet: nämndanalys {period}</translation>
    </message>
    <message>
      <source>Computing …</source>
      <translation>Beräknar lägesbilden för {period} …</translation>
    </message>
    <message>
      <source>Computing the board analysis for {period} …</source>
      <translation>Beräknar nämndanalysen för {period} …</translation>
    </message>
    <message>
      <source>Choose the store first.</source>
      <translation>Välj databasen (GeoPackage) först.</translation>
    </message>
    <message>
      <source>Writing the PDF …</source>
      <translation>Skriver PDF …</translation>
    </message>
    <message>
      <source>Open PDF</source>
      <translation>Öppna PDF</translation>
    </message>
    <message>
      <source>The shipped template is used again.</source>
      <translation>Standardmallen används igen.</translation>
    </message>
    <message>
      <source>Layout template (.qpt)</source>
      <translation>Layoutmall (.qpt)</translation>
    </message>
    <message>
      <source>QGIS layout template (*.qpt)</source>
      <translation>QGIS-layoutmall (*.qpt)</translation>
    </message>
    <message>
      <source>PDF folder</source>
      <translation>PDF-mapp</translation>
    </message>
    <message>
      <source>Store (GeoPackage)</source>
      <translation>Databas (GeoPackage)</translation>
    </message>
    <message>
      <source>Cancelling …</source>
      <translation>Avbryter …</translation>
    </message>
    <message>
      <source>the period {period} ({dates})</source>
      <translation>perioden {period} ({dates})</translation>
    </message>
    <message>
      <source>the tertial {period}</source>
      <translation>tertialen {period}</translation>
    </message>
    <message>
      <source>{title}: {pdf} ({pages} pages)</source>
      <translation>{title}: {pdf} ({pages} sidor)</translation>
    </message>
    <message>
      <source>No template found.</source>
      <translation>Ingen mall hittades.</translation>
    </message>
    <message>
      <source>Situation picture (internal, {days} days)</source>
      <translation>Lägesbild (intern, {days} dagar)</translation>
    </message>
    <message>
      <source>({days} days)</source>
      <translation>({days} dagar)</translation>
    </message>
    <message>
      <source>The period has not ended yet.</source>
      <translation>Perioden har inte slutat än.</translation>
    </message>
    <message>
      <source>The store {store} does not exist. Choose an existing .gpkg (it is made when reports are synced or imported).</source>
      <translation>Databasen {store} finns inte. Välj en befintlig .gpkg (den skapas när rapporter synkas eller importeras).</translation>
    </message>
    <message>
      <source>The template {template} does not exist. Choose another template or click 'Reset to the shipped template'.</source>
      <translation>Mallen {template} finns inte. Välj en annan mall eller klicka 'Återställ standardmall'.</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Avbrutet: ingen PDF skapades.</translation>
    </message>
    <message>
      <source>Done: &lt;b&gt;{file}&lt;/b&gt; ({pages} pages). The layout '{title}' is in the Layout Manager. &lt;a href='{pdf_url}'&gt;Open PDF&lt;/a&gt; · &lt;a href='{folder_url}'&gt;Show the folder&lt;/a&gt;</source>
      <translation>Klart: &lt;b&gt;{file}&lt;/b&gt; ({pages} sidor). Layouten '{title}' finns i layouthanteraren. &lt;a href='{pdf_url}'&gt;Öppna PDF&lt;/a&gt; · &lt;a href='{folder_url}'&gt;Visa mappen&lt;/a&gt;</translation>
    </message>
    <message>
      <source>{title} is ready: {file}</source>
      <translation>{title} är klar: {file}</translation>
    </message>
    <message>
      <source>Template – situation picture ({name})</source>
      <translation>Mall – lägesbild ({name})</translation>
    </message>
    <message>
      <source>Template – board analysis ({name})</source>
      <translation>Mall – nämndanalys ({name})</translation>
    </message>
    <message>
      <source>The template {file} is open in the Layout Designer. Add logo and colours, keep the items' ids and save with &lt;i&gt;Layout → Save as Template…&lt;/i&gt;; then choose the new .qpt file with &lt;b&gt;…&lt;/b&gt;.</source>
      <translation>Mallen {file} är öppen i layouthanteraren. Lägg in logga och färger, behåll elementens id och spara med &lt;i&gt;Layout → Spara som mall…&lt;/i&gt;; välj sedan den nya .qpt-filen med &lt;b&gt;…&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>Unexpected error while computing the figures: {error}. Details are in the log (the {tab} tab).</source>
      <translation>Oväntat fel när underlaget beräknades: {error}. Detaljer finns i loggen (fliken {tab}).</translation>
    </message>
    <message>
      <source>There are no incidents in the store for {what}. Choose another period, or sync and import first.</source>
      <translation>Det finns inga händelser i databasen för {what}. Välj en annan period, eller synka och importera först.</translation>
    </message>
    <message>
      <source>The template {template} does not exist.</source>
      <translation>Mallen {template} finns inte.</translation>
    </message>
    <message>
      <source>Unexpected error while making the layout: {error}. Details are in the log (the {tab} tab).</source>
      <translation>Oväntat fel när layouten skapades: {error}. Detaljer finns i loggen (fliken {tab}).</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Trygghet – settings</source>
      <translation>Trygghet – inställningar</translation>
    </message>
    <message>
      <source>Store:</source>
      <translation>Databas:</translation>
    </message>
    <message>
      <source>The GeoPackage file or PostGIS connection the reports are synced into</source>
      <translation>GeoPackage-fil eller PostGIS-anslutning som rapporterna synkas till</translation>
    </message>
    <message>
      <source>Start of the first period:</source>
      <translation>Första periodens start:</translation>
    </message>
    <message>
      <source>Periods are counted from this date</source>
      <translation>Perioderna räknas från detta datum</translation>
    </message>
    <message>
      <source>Period length (days):</source>
      <translation>Periodlängd (dagar):</translation>
    </message>
    <message>
      <source>Number of days in the situation picture's period</source>
      <translation>Antal dagar i lägesbildens period</translation>
    </message>
    <message>
      <source>Cell size (m):</source>
      <translation>Cellstorlek (m):</translation>
    </message>
    <message>
      <source>The size of the hexagons of density and hot spots</source>
      <translation>Storleken på hexagonerna i täthet och hotspots</translation>
    </message>
    <message>
      <source>Small-count threshold:</source>
      <translation>Gräns för små tal:</translation>
    </message>
    <message>
      <source>Counts shown as “fewer than” in the reports</source>
      <translation>Antal händelser som visas som ”färre än” i rapporterna</translation>
    </message>
    <message>
      <source>Page size:</source>
      <translation>Sidstorlek:</translation>
    </message>
    <message>
      <source>Paper size of the situation picture's PDF</source>
      <translation>Pappersstorlek för lägesbildens PDF</translation>
    </message>
    <message>
      <source>Situation picture template:</source>
      <translation>Mall för lägesbild:</translation>
    </message>
    <message>
      <source>A .qpt template of your own; empty = the shipped one</source>
      <translation>En egen .qpt-mall; tomt = den medföljande</translation>
    </message>
    <message>
      <source>Board analysis template:</source>
      <translation>Mall för nämndanalys:</translation>
    </message>
    <message>
      <source>Base map:</source>
      <translation>Bakgrundskarta:</translation>
    </message>
    <message>
      <source>An XYZ URL or a QGIS WMS/WMTS source; empty = none</source>
      <translation>En XYZ-adress eller en WMS/WMTS-källa i QGIS; tomt = ingen</translation>
    </message>
    <message>
      <source>Report folder:</source>
      <translation>Mapp för rapporter:</translation>
    </message>
    <message>
      <source>Where the PDFs are written; empty = next to the store</source>
      <translation>Var PDF:erna sparas; tomt = bredvid databasen</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Språk:</translation>
    </message>
    <message>
      <source>Applies when the plugin is next loaded</source>
      <translation>Gäller när pluginet laddas nästa gång</translation>
    </message>
    <message>
      <source>Debug log (more messages in the log)</source>
      <translation>Felsökningslogg (fler meddelanden i loggen)</translation>
    </message>
    <message>
      <source>Open the user guide</source>
      <translation>Öppna användarguiden</translation>
    </message>
    <message>
      <source>The user guide for analysts, the safety unit and planners</source>
      <translation>Användarguiden för analytiker, säkerhetsenheten och planerare</translation>
    </message>
    <message>
      <source>Swedish</source>
      <translation>Svenska</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Engelska</translation>
    </message>
    <message>
      <source>Same as QGIS</source>
      <translation>Samma som QGIS</translation>
    </message>
  </context>
  <context>
    <name>SyncDock</name>
    <message>
      <source>Trygghet – report sync</source>
      <translation>Trygghet – synk av rapporter</translation>
    </message>
    <message>
      <source>Store:</source>
      <translation>Databas:</translation>
    </message>
    <message>
      <source>Store: the GeoPackage the reports are synced into</source>
      <translation>Databasen: GeoPackage-filen som rapporterna synkas till</translation>
    </message>
    <message>
      <source>path to .gpkg</source>
      <translation>sökväg till .gpkg</translation>
    </message>
    <message>
      <source>Connections</source>
      <translation>Anslutningar</translation>
    </message>
    <message>
      <source>Connections to collection services and export files</source>
      <translation>Anslutningar till insamlingstjänster och exportfiler</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Lägg till</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Redigera</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Ta bort</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>Anslutning</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Namn</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>Adress</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Samling</translation>
    </message>
    <message>
      <source>Fetch collections</source>
      <translation>Hämta samlingar</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fil</translation>
    </message>
    <message>
      <source>CSV, Excel (.xlsx) or GeoJSON</source>
      <translation>CSV, Excel (.xlsx) eller GeoJSON</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Autentisering</translation>
    </message>
    <message>
      <source>Source name</source>
      <translation>Källnamn</translation>
    </message>
    <message>
      <source>Source name in the store (the first part of each report's uid)</source>
      <translation>Källans namn i databasen (första delen av varje rapports uid)</translation>
    </message>
    <message>
      <source>Allow unencrypted http</source>
      <translation>Tillåt okrypterad http</translation>
    </message>
    <message>
      <source>Mark vanished reports as deleted</source>
      <translation>Markera försvunna rapporter som borttagna</translation>
    </message>
    <message>
      <source>A report the source no longer lists (after a full sync) gets status 'deleted'; it is never dropped</source>
      <translation>En rapport som källan inte längre listar (efter en full synk) får status 'deleted'; den tas aldrig bort</translation>
    </message>
    <message>
      <source>Field mapping (the source field for each field of the store):</source>
      <translation>Fältmappning (fält i källan för varje fält i databasen):</translation>
    </message>
    <message>
      <source>Field in the store</source>
      <translation>Fält i databasen</translation>
    </message>
    <message>
      <source>Field in the source</source>
      <translation>Fält i källan</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Spara</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Synk</translation>
    </message>
    <message>
      <source>Fetch everything (full sync)</source>
      <translation>Hämta allt (full synk)</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Synka nu</translation>
    </message>
    <message>
      <source>Cancel sync</source>
      <translation>Avbryt synk</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Senaste synk</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Tidpunkt</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nya</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>Ändrade</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Avvisade</translation>
    </message>
    <message>
      <source>Deleted in the source</source>
      <translation>Borttagna i källan</translation>
    </message>
    <message>
      <source>Show rejected</source>
      <translation>Visa avvisade</translation>
    </message>
    <message>
      <source>Fetching collections …</source>
      <translation>Hämtar samlingar …</translation>
    </message>
    <message>
      <source>Trygghet: fetching collections</source>
      <translation>Trygghet: hämtar samlingar</translation>
    </message>
    <message>
      <source>Store (GeoPackage)</source>
      <translation>Databas (GeoPackage)</translation>
    </message>
    <message>
      <source>Export file</source>
      <translation>Exportfil</translation>
    </message>
    <message>
      <source>Export files (*.csv *.txt *.xlsx *.geojson *.json);;All files (*)</source>
      <translation>Exportfiler (*.csv *.txt *.xlsx *.geojson *.json);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Choose or add a connection first.</source>
      <translation>Välj eller lägg till en anslutning först.</translation>
    </message>
    <message>
      <source>Stopping after this page …</source>
      <translation>Avbryter efter sidan som skrivs nu …</translation>
    </message>
    <message>
      <source>The sync was cancelled before it started.</source>
      <translation>Synken avbröts innan den började.</translation>
    </message>
    <message>
      <source>Rejected reports</source>
      <translation>Avvisade rapporter</translation>
    </message>
    <message>
      <source>The connection '{name}' is saved.</source>
      <translation>Anslutningen '{name}' är sparad.</translation>
    </message>
    <message>
      <source>{n} collections found.</source>
      <translation>{n} samlingar hittades.</translation>
    </message>
    <message>
      <source>Syncing {name} …</source>
      <translation>Synkar {name} …</translation>
    </message>
    <message>
      <source>page {pages}: {records} records</source>
      <translation>Sida {pages}: {records} poster hämtade</translation>
    </message>
    <message>
      <source>The rejected table could not be opened.</source>
      <translation>Tabellen med avvisade poster kunde inte öppnas.</translation>
    </message>
    <message>
      <source>Remove the connection '{name}'? The reports in the store stay.</source>
      <translation>Ta bort anslutningen '{name}'? Rapporterna i databasen finns kvar.</translation>
    </message>
    <message>
      <source>Unknown categories, filed as Other: {words}</source>
      <translation>Okända kategorier, lagda som Övrigt: {words}</translation>
    </message>
  </context>
  <context>
    <name>CoreTask</name>
    <message>
      <source>Unexpected error: {error}. Details are in the log (the {tab} tab).</source>
      <translation>Oväntat fel: {error}. Detaljer finns i loggen (fliken {tab}).</translation>
    </message>
  </context>
  <context>
    <name>SyncTask</name>
    <message>
      <source>Trygghet: syncing {name}</source>
      <translation>Trygghet: synkar {name}</translation>
    </message>
    <message>
      <source>Unexpected error during the sync: {error}. Details are in the log (the {tab} tab).</source>
      <translation>Oväntat fel under synken: {error}. Detaljer finns i loggen (fliken {tab}).</translation>
    </message>
  </context>
  <context>
    <name>PluginLogger</name>
    <message>
      <source>Show log</source>
      <translation>Visa logg</translation>
    </message>
  </context>
  <context>
    <name>TrygghetPlugin</name>
    <message>
      <source>Sync reports</source>
      <translation>Synka rapporter</translation>
    </message>
    <message>
      <source>Situation picture</source>
      <translation>Lägesbild</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>Filter</translation>
    </message>
    <message>
      <source>Make QGIS project</source>
      <translation>Skapa QGIS-projekt</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Hjälp</translation>
    </message>
    <message>
      <source>Open the user guide</source>
      <translation>Öppna användarguiden</translation>
    </message>
  </context>
  <context>
    <name>Processing</name>
    <message>
      <source>Nämndanalys per tertial (PDF) / Board analysis (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skriver den publika analysen för kommunstyrelsen för en tertial (jan–apr, maj–aug, sep–dec) som PDF: sammanfattning med de viktigaste säkerställda förändringarna, utveckling över tre år, en sida per område, trygghetsmätning, polisens uppgifter samt metod och källor. Säker att publicera: bara sammanräknade uppgifter, inga exakta platser eller fritexter, små antal visas som &lt;3.

TERTIAL: t.ex. 2026-T3; tom = den senaste hela tertialen.

Writes the public four-monthly analysis as PDF: aggregated only, small counts suppressed. TERTIAL like 2026-T3; empty means the last complete tertial.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tertial (t.ex. 2026-T3) / Tertial</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visa antal upp till detta som &lt;n / Suppress counts up to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kopiera databas / Copy store</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kopierar allt i en databas till en annan, utan förlust: händelser, områden, trygghetsmätningar, synkstatus och avvisade poster, med alla fält. INPUT och OUTPUT är en GeoPackage-fil eller en PostGIS-databas (en QGIS-anslutning, service=… eller postgresql://…, valfritt med kommun=0682 för en kommun i en region). Posterna uppdateras efter nyckel, så en avbruten kopiering kan köras igen och en andra kopiering ändrar ingenting.

Copies everything in one store into another without loss (incidents, areas, surveys, sync state, rejected records, every field). INPUT and OUTPUT are a GeoPackage file or a PostGIS store (a QGIS connection name, service=... or postgresql://..., optionally kommun=0682). Rows are upserted by key: a stopped copy can run again, and a second copy changes nothing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Från databas (GeoPackage eller PostGIS) / From store</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Till databas (GeoPackage eller PostGIS; skapas vid behov) / To store (created when missing)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sammanfattning / Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Framväxande hotspots / Emerging hot spots</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Konfidens för hotspot i en period / Confidence per period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Antal perioder / Number of periods</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Celler / Cells</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Celler med mönster / Cells with a pattern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exportera lager för planerare / Export layers for planners</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>GeoPackage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lager / Layers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Händelser med exakt plats / Incidents with exact places</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Täthetskarta (intern) / Heatmap (internal)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pixelstorlek i meter / Pixel size in metres</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sökradie i meter (0 = tumregel) / Bandwidth in metres (0 = rule of thumb)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Täthet / Density</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Händelser / Incidents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Använd sökradie (m) / Bandwidth used (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hotspots (Gi*) / Hot spots (Gi*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Periodens sista dag (tom: senaste hela perioden) / Last day of the period (empty: the last complete one)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gräns (tom: kommunen ur databasen) / Boundary (empty: the kommun from the store)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Korrigera för många test (FDR) / Correct for multiple tests (FDR)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Periodens längd i dagar / Period length in days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cellstorlek i meter (mellan motstående sidor) / Cell size in metres (flat side to flat side)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kategorier, kommaseparerade (tom: alla) / Categories, comma-separated (empty: all)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hotspots</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importera områden / Import areas</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Områden till databasen: DeSO eller RegSO från SCB (GeoPackage eller WFS, t.ex. INPUT=https://geodata.scb.se/geoserver/stat/wfs LAYER=stat:DeSO_2025), kommunens egna kommundelar (valfritt polygonlager med kod- och namnfält) eller kommungränsen. Filtreras på KOMMUNKOD (kod eller namn). Befolkning per område från en CSV- eller Excelfil (kod + befolkning) ger tal per 1 000 invånare. Finns ingen kommungräns sparas områdenas union som kommungräns. Områden uppdateras efter kod; poster som inte kan tas emot sparas i rejected med orsak.

KIND: deso, regso, district eller kommun (tomt: efter kodfältet).

Areas into the store: DeSO/RegSO (GeoPackage or WFS), the municipality's own districts or the kommun boundary, filtered by KOMMUNKOD, with population from a CSV/xlsx for rates per 1,000 inhabitants. Upserts by code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Områdestyp (deso, regso, district, kommun) / Area kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lager, fil eller WFS-adress / Layer, file or WFS URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lagernamn (t.ex. DeSO_2025 eller stat:DeSO_2025) / Layer name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kodfält (t.ex. desokod) / Code field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Namnfält / Name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommun (kod eller namn) / Municipality (code or name)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Befolkning per område (CSV/xlsx) / Population per area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importera polisdata / Import police data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Polisens händelser från polisen.se (sparade svar, arkiv .json/.json.gz, eller INPUT=live för att hämta direkt) och geokodade brottsexporter (CSV, .xlsx eller GeoJSON med brottstyp eller brottskod, datum och tid, koordinater i SWEREF 99 TM eller WGS 84 och platstyp).

Händelserna från polisen.se anger bara kommunen (eller länet), aldrig platsen: de lagras med platsnoggrannhet 'kommun' (eller 'område' när sammanfattningen nämner ett område i kommunen) och visas som antal per kommun eller område, aldrig som punkter. Sammanfattningar och notiser är inga händelser och sparas i tabellen rejected med orsak. Direkthämtning: minst 10 s mellan anropen och högst 60 i timmen; upprepade hämtningar bygger en historik (flödet visar bara de senaste 500).

KOMMUN: namn eller kod (t.ex. Nässjö eller 0682); tomt = hela landet.

Brottsexporter: bara brott på allmän plats tas med (regel per platstyp i resources/police/place_types.json); brottstyper och koder mappas i resources/police/event_types.json.

Police events from polisen.se (saved responses, archives, or INPUT=live) and geocoded police crime exports. Feed events give only the kommun: they are shown as counts per kommun or area, never as points. Summaries are kept in 'rejected'.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adress till polisens API / Police API URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fil, eller 'live' för polisen.se / File, or 'live' for polisen.se</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommun (namn eller kod) / Municipality (name or code)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importera trygghetsmätning / Import safety survey</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resultat från trygghetsmätningen per område och fråga (CSV eller .xlsx): antingen indexvärden (polisens problemindex 0–6, andel otrygga, svarande) eller svarsfördelningar per svarsalternativ, som räknas om till index och andelar med vikterna i resources/survey_weights.json. Flera mätningar (år) kan ligga i samma fil. Områdeskoder som inte finns bland områdena avvisas med orsak och listas. PLACES (eller INPUT) kan vara ett punktlager med platser som markerats som otrygga, med orsak.

SURVEY: mätningens namn eller år (används när filen saknar kolumnen undersökning).

Efter importen jämförs upplevd otrygghet (medelindex per område) med rapporter per 1 000 invånare under de 12 månaderna före mätningen (FIELDWORK, standard 1 september mätåret).

Safety survey results per area and question (index values or answer distributions), several years side by side, and places marked unsafe. Unknown area codes are rejected with the reason and listed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mätdatum (ÅÅÅÅ-MM-DD) / Fieldwork date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resultat (CSV/xlsx) eller otrygga platser / Results or places</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mätning (namn eller år) / Survey (name or year)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Otrygga platser (punkter) / Places marked unsafe (points)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lägesbild (PDF) / Situational picture (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skriver den interna lägesbilden för en 14-dagarsperiod som PDF: karta med händelser och hotspots, inzoomning på centralorten, nyckeltal mot föregående period och ett år tidigare (säkerställda förändringar markerade), platser, veckodag × timme, trend, rapportörernas aktivitet och polisens händelser. INTERNT – innehåller exakta platser.

PERIOD_END: periodens sista dag (ÅÅÅÅ-MM-DD); tom = den senaste hela perioden.

Writes the internal 14-day picture as PDF. PERIOD_END is the period's last day; empty means the last complete period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Periodens sista dag (ÅÅÅÅ-MM-DD) / Last day of the period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Periodens längd i dagar / Period length (days)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pappersstorlek / Page size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skapa QGIS-projekt / Make QGIS project</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Skriver ett QGIS-projekt (.qgz) med pluginets lager över databasen, i SWEREF 99 TM.

Writes a QGIS project (.qgz) with the plugin's styled layers over the store.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Projektfil / Project file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Synka rapporter / Sync reports</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hämtar rapporter från insamlingstjänsten till databasen. Nya och ändrade rapporter läggs till eller uppdateras (efter id); poster som inte kan tas emot sparas i tabellen rejected med orsak. En avbruten synk fortsätter där den slutade. Rapporter som försvunnit ur källan vid en hel hämtning får status 'deleted'.

SOURCE: oapif (OGC API – Features: URL och COLLECTION), open311 (GeoReport v2: URL) eller file (FILE: CSV, Excel eller GeoJSON). CONNECTION: namnet på en anslutning sparad i synkpanelen (ersätter de andra källparametrarna). MAPPING: fältmappning som JSON, t.ex. {"id": "Ärende"}. FULL: hämta allt.

Pulls reports from the collection service into the store: upserts by id, keeps records that cannot be taken in 'rejected' with the reason, resumes where an interrupted sync stopped, and marks reports gone from the source as 'deleted' after a full pull. SOURCE: oapif, open311 or file; CONNECTION: a connection saved in the sync dock.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Källtyp (oapif, open311, file) / Source type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tjänstens adress / Service URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Samling / Collection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exportfil / Export file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Autentisering / Authentication</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sparad anslutning / Saved connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hämta allt (full synk) / Full sync</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fältmappning (JSON) / Field mapping (JSON)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tillåt okrypterad http / Allow plain http</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Poster per sida / Records per page</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommunkod / Municipality code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Databas / Store</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Databas (GeoPackage-fil eller PostGIS) / Store (GeoPackage or PostGIS)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hexagonstorlek (m) / Cell size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Egen mall (.qpt) / Own template</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommunens namn / Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sidor / Pages</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
