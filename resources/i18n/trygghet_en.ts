<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="sv">
  <context>
    <name>FilterDock</name>
    <message>
      <source>Trygghet – filter och lägesbild</source>
      <translation>Trygghet – filter and situation picture</translation>
    </message>
    <message>
      <source>Databas:</source>
      <translation>Store:</translation>
    </message>
    <message>
      <source>Databasen: GeoPackage-filen med händelserna</source>
      <translation>Store: the GeoPackage with the incidents</translation>
    </message>
    <message>
      <source>sökväg till .gpkg</source>
      <translation>path to .gpkg</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>14 dagar (två ISO-veckor), ett tertial (fyra månader) eller egna datum</source>
      <translation>14 days (two ISO weeks), a tertial (four months) or dates of your own</translation>
    </message>
    <message>
      <source>Föregående period / previous period</source>
      <translation>previous period</translation>
    </message>
    <message>
      <source>Nästa period / next period</source>
      <translation>next period</translation>
    </message>
    <message>
      <source>Från</source>
      <translation>From</translation>
    </message>
    <message>
      <source>till och med</source>
      <translation>to and including</translation>
    </message>
    <message>
      <source>Kategorier</source>
      <translation>Categories</translation>
    </message>
    <message>
      <source>Kategorier (en kategori omfattar sina underkategorier)</source>
      <translation>Categories (a category includes its subcategories)</translation>
    </message>
    <message>
      <source>Källor</source>
      <translation>Sources</translation>
    </message>
    <message>
      <source>Källor: rapporter, polisen, …</source>
      <translation>Sources: reports, police, …</translation>
    </message>
    <message>
      <source>Områden</source>
      <translation>Areas</translation>
    </message>
    <message>
      <source>Områden: händelser inom de valda områdena</source>
      <translation>Areas: incidents inside the chosen areas</translation>
    </message>
    <message>
      <source>Organisationer</source>
      <translation>Organisations</translation>
    </message>
    <message>
      <source>Organisationer som rapporterar</source>
      <translation>Reporting organisations</translation>
    </message>
    <message>
      <source>Markera alla</source>
      <translation>Check all</translation>
    </message>
    <message>
      <source>Avmarkera alla</source>
      <translation>Uncheck all</translation>
    </message>
    <message>
      <source>Rensa filter</source>
      <translation>Clear filter</translation>
    </message>
    <message>
      <source>Allt markerat i varje lista</source>
      <translation>Everything checked in every list</translation>
    </message>
    <message>
      <source>Lägesbild och export</source>
      <translation>Situation picture and export</translation>
    </message>
    <message>
      <source>Visa lägesbild på kartan</source>
      <translation>Show the situation picture on the map</translation>
    </message>
    <message>
      <source>Bygg periodens lagergrupp: händelser, polisens händelser per område, hotspots, täthet, tal per område, trygghetsmätning</source>
      <translation>Build the layer group of the period: incidents, police per area, hot spots, density, rates per area, survey</translation>
    </message>
    <message>
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Exportera filtrerade händelser …</source>
      <translation>Export filtered incidents …</translation>
    </message>
    <message>
      <source>Händelserna som filtret behåller, som GeoPackage eller som CSV för Excel</source>
      <translation>The incidents the filter keeps, as GeoPackage or as CSV for Excel</translation>
    </message>
    <message>
      <source>Exportera lager för planerare …</source>
      <translation>Export layers for planners …</translation>
    </message>
    <message>
      <source>Lägesbildens lager i en GeoPackage (EPSG:3006) med sina stilar i filen</source>
      <translation>The lägesbild's layers in one GeoPackage (EPSG:3006) with their styles inside</translation>
    </message>
    <message>
      <source>Rapporter (insamlingstjänsten)</source>
      <translation>Reports (collection service)</translation>
    </message>
    <message>
      <source>Polisen</source>
      <translation>Police</translation>
    </message>
    <message>
      <source>14 dagar (två veckor)</source>
      <translation>14 days (two weeks)</translation>
    </message>
    <message>
      <source>Tertial (fyra månader)</source>
      <translation>Tertial (four months)</translation>
    </message>
    <message>
      <source>Egna datum</source>
      <translation>Own dates</translation>
    </message>
    <message>
      <source>Trygghet: läser filterval</source>
      <translation>Trygghet: reading filter choices</translation>
    </message>
    <message>
      <source>Exportera filtrerade händelser</source>
      <translation>Export filtered incidents</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg);;CSV för Excel (*.csv)</source>
      <translation>GeoPackage (*.gpkg);;CSV for Excel (*.csv)</translation>
    </message>
    <message>
      <source>Exporterar händelser … / Exporting …</source>
      <translation>Exporting …</translation>
    </message>
    <message>
      <source>Trygghet: exporterar händelser</source>
      <translation>Trygghet: exporting incidents</translation>
    </message>
    <message>
      <source>Exportera lager för planerare</source>
      <translation>Export layers for planners</translation>
    </message>
    <message>
      <source>Exporterar lager … / Exporting layers …</source>
      <translation>Exporting layers …</translation>
    </message>
    <message>
      <source>Trygghet: exporterar lager</source>
      <translation>Trygghet: exporting layers</translation>
    </message>
    <message>
      <source>Databas (GeoPackage)</source>
      <translation>Store (GeoPackage)</translation>
    </message>
    <message>
      <source>{n} händelser med exakt plats visas ({period}).</source>
      <translation>{n} incidents with an exact location shown ({period}).</translation>
    </message>
    <message>
      <source>Välj en databas först. / Choose a store first.</source>
      <translation>Choose a store first.</translation>
    </message>
    <message>
      <source>Visa lägesbilden på kartan först, sedan kan dess lager exporteras. / Build the lägesbild first.</source>
      <translation>Build the lägesbild first.</translation>
    </message>
    <message>
      <source>Beräknar lägesbilden för {period} … / Building …</source>
      <translation>Building the situation picture for {period} …</translation>
    </message>
    <message>
      <source>Trygghet: lägesbild {period}</source>
      <translation>Trygghet: situation picture {period}</translation>
    </message>
    <message>
      <source>{group} på kartan.</source>
      <translation>{group} on the map.</translation>
    </message>
    <message>
      <source>{n} händelser exporterade till {file}. / {n} incidents exported.</source>
      <translation>{n} incidents exported to {file}.</translation>
    </message>
    <message>
      <source>Avbrutet. / Cancelled.</source>
      <translation>Cancelled.</translation>
    </message>
    <message>
      <source>Hotspots, täthet och områden visar {group}: klicka "Visa lägesbild på kartan" för att räkna om dem för perioden.</source>
      <translation>Hot spots, density and areas show {group}: click "Show the situation picture on the map" to compute them for the period.</translation>
    </message>
    <message>
      <source>(utan organisation)</source>
      <translation>(no organisation)</translation>
    </message>
    <message>
      <source>{group}: {n} lager.</source>
      <translation>{group}: {n} layers.</translation>
    </message>
  </context>
  <context>
    <name>LagesbildDock</name>
    <message>
      <source>Trygghet – lägesbild och nämndanalys</source>
      <translation>Trygghet – situation picture and board analysis</translation>
    </message>
    <message>
      <source>Databas:</source>
      <translation>Store:</translation>
    </message>
    <message>
      <source>Databasen: GeoPackage-filen (eller PostGIS-anslutningen) som rapporterna läses från. Delas med Trygghets andra paneler.</source>
      <translation>Store: the GeoPackage (or PostGIS connection) the reports are read from. Shared with the other Trygghet docks.</translation>
    </message>
    <message>
      <source>sökväg till .gpkg</source>
      <translation>path to .gpkg</translation>
    </message>
    <message>
      <source>Välj databas / choose the store</source>
      <translation>Choose the store</translation>
    </message>
    <message>
      <source>Lägesbild (intern, 14 dagar)</source>
      <translation>Situation picture (internal, 14 days)</translation>
    </message>
    <message>
      <source>Den interna lägesbilden: karta med händelser och hotspots, nyckeltal, veckodag × timme, trend, platser, rapportörer och polisens händelser. Innehåller exakta platser – sprid den inte utanför organisationen.
The internal 14-day picture (exact locations: internal only).</source>
      <translation>The internal situation picture: map of incidents and hot spots, key figures, weekday × hour, trend, places, reporters and the police's incidents. It holds exact locations – do not share it outside the organisation.</translation>
    </message>
    <message>
      <source>Perioden som lägesbilden visar / the period the picture shows</source>
      <translation>The period the picture shows</translation>
    </message>
    <message>
      <source>◀ Föregående</source>
      <translation>◀ Previous</translation>
    </message>
    <message>
      <source>Perioden innan / the previous period</source>
      <translation>The previous period</translation>
    </message>
    <message>
      <source>Senaste</source>
      <translation>Latest</translation>
    </message>
    <message>
      <source>Den senaste hela 14-dagarsperioden / the last complete period</source>
      <translation>The last complete 14-day period</translation>
    </message>
    <message>
      <source>Nästa ▶</source>
      <translation>Next ▶</translation>
    </message>
    <message>
      <source>Perioden efter / the next period</source>
      <translation>The next period</translation>
    </message>
    <message>
      <source>Eget slutdatum:</source>
      <translation>Own end date:</translation>
    </message>
    <message>
      <source>En period som slutar en valfri dag (periodens sista dag) / a period that ends on a day of your choice</source>
      <translation>A period that ends on a day of your choice (the last day of the period)</translation>
    </message>
    <message>
      <source>Pappersstorlek:</source>
      <translation>Paper size:</translation>
    </message>
    <message>
      <source>Lägesbildens pappersstorlek (liggande)</source>
      <translation>Page size of the lägesbild (landscape)</translation>
    </message>
    <message>
      <source>Skapa lägesbild</source>
      <translation>Make situation picture</translation>
    </message>
    <message>
      <source>Beräknar i bakgrunden, skriver PDF:en och öppnar layouten i layouthanteraren / computes in the background, writes the PDF and opens the layout in the Layout Designer</source>
      <translation>Computes in the background, writes the PDF and opens the layout in the Layout Designer</translation>
    </message>
    <message>
      <source>Nämndanalys (publik, per tertial)</source>
      <translation>Board analysis (public, per tertial)</translation>
    </message>
    <message>
      <source>Analysen till kommunstyrelsen var fjärde månad: bara sammanräknade uppgifter, små antal visas som &lt;3, inga exakta platser eller fritexter – säker att publicera.
The public four-monthly board analysis.</source>
      <translation>The analysis for the municipal board every four months: aggregated figures only, small counts shown as &lt;3, no exact locations or free texts – safe to publish.</translation>
    </message>
    <message>
      <source>Tertial:</source>
      <translation>Tertial:</translation>
    </message>
    <message>
      <source>T1 jan–apr, T2 maj–aug, T3 sep–dec</source>
      <translation>T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec</translation>
    </message>
    <message>
      <source>Skapa nämndanalys</source>
      <translation>Make board analysis</translation>
    </message>
    <message>
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Mallar och PDF-mapp</source>
      <translation>Templates and PDF folder</translation>
    </message>
    <message>
      <source>Kommunens egna layoutmallar (.qpt) med logga och färger. Tom = den medföljande standardmallen.
The municipality's own layout templates; empty = the shipped template.</source>
      <translation>The municipality's own layout templates (.qpt) with logo and colours. Empty = the shipped template.</translation>
    </message>
    <message>
      <source>Lägesbild:</source>
      <translation>Situation picture:</translation>
    </message>
    <message>
      <source>standardmallen</source>
      <translation>the shipped template</translation>
    </message>
    <message>
      <source>Egen mall för lägesbilden (.qpt); tom = standardmallen i vald pappersstorlek</source>
      <translation>Own template for the situation picture (.qpt); empty = the shipped template in the chosen paper size</translation>
    </message>
    <message>
      <source>Välj kommunens egen mall (.qpt) / choose your own template</source>
      <translation>Choose the municipality's own template (.qpt)</translation>
    </message>
    <message>
      <source>Öppna i layouthanteraren</source>
      <translation>Open in the Layout Designer</translation>
    </message>
    <message>
      <source>Öppna mallen i layouthanteraren: lägesbildens mall (den egna, annars standardmallen) öppnas i QGIS layouthanterare, så att ni kan lägga in logga och färger och spara en egen mall</source>
      <translation>Open the template in the Layout Designer: the situation picture's template (your own, else the shipped one) opens in QGIS's Layout Designer, so that you can add logo and colours and save a template of your own</translation>
    </message>
    <message>
      <source>Återställ standardmall</source>
      <translation>Reset to the shipped template</translation>
    </message>
    <message>
      <source>Använd den medföljande mallen igen / use the shipped template again</source>
      <translation>Use the shipped template again</translation>
    </message>
    <message>
      <source>Nämndanalys:</source>
      <translation>Board analysis:</translation>
    </message>
    <message>
      <source>Egen mall för nämndanalysen (.qpt); tom = standardmallen (A4 stående)</source>
      <translation>Own template for the board analysis (.qpt); empty = the shipped template (A4 portrait)</translation>
    </message>
    <message>
      <source>Öppna mallen i layouthanteraren: nämndanalysens mall (den egna, annars standardmallen) öppnas i QGIS layouthanterare, så att ni kan lägga in logga och färger och spara en egen mall</source>
      <translation>Open the template in the Layout Designer: the board analysis's template (your own, else the shipped one) opens in QGIS's Layout Designer, so that you can add logo and colours and save a template of your own</translation>
    </message>
    <message>
      <source>PDF-mapp:</source>
      <translation>PDF folder:</translation>
    </message>
    <message>
      <source>bredvid databasen</source>
      <translation>next to the store</translation>
    </message>
    <message>
      <source>Mappen där PDF:erna sparas; tom = samma mapp som databasen / where the PDFs are written</source>
      <translation>Where the PDFs are written; empty = the folder of the store</translation>
    </message>
    <message>
      <source>Välj mapp / choose a folder</source>
      <translation>Choose a folder</translation>
    </message>
    <message>
      <source>Så gör ni en egen mall</source>
      <translation>How to make your own template</translation>
    </message>
    <message>
      <source>&lt;b&gt;Egen mall med kommunens logga och färger&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Klicka &lt;i&gt;Öppna i layouthanteraren&lt;/i&gt;: standardmallen (eller er egen) öppnas i QGIS layouthanterare. De medföljande mallarna ligger i pluginets mapp &lt;tt&gt;resources/layouts/&lt;/tt&gt; (&lt;tt&gt;lagesbild_a3.qpt&lt;/tt&gt;, &lt;tt&gt;lagesbild_a4.qpt&lt;/tt&gt;, &lt;tt&gt;board_a4.qpt&lt;/tt&gt;); de går också att öppna via &lt;i&gt;Projekt → Layouthanteraren → Ny från mall&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Lägg till logga (&lt;i&gt;Lägg till bild&lt;/i&gt;), byt färger på banden, typsnitt och texter, flytta och ändra storlek på element.&lt;/li&gt;&lt;li&gt;Behåll elementens &lt;b&gt;id&lt;/b&gt; (t.ex. &lt;tt&gt;map_main&lt;/tt&gt;, &lt;tt&gt;key_figures&lt;/tt&gt;, &lt;tt&gt;area_map&lt;/tt&gt;): pluginet fyller elementen efter id. Ett element ni tar bort hoppas över.&lt;/li&gt;&lt;li&gt;Spara med &lt;i&gt;Layout → Spara som mall…&lt;/i&gt; (en .qpt-fil, gärna på en delad plats).&lt;/li&gt;&lt;li&gt;Välj filen med &lt;b&gt;…&lt;/b&gt; här ovanför. &lt;i&gt;Återställ standardmall&lt;/i&gt; går tillbaka till den medföljande mallen.&lt;/li&gt;&lt;/ol&gt;Inställningen gäller också Processing-algoritmerna (&lt;tt&gt;trygghet:lagesbild&lt;/tt&gt;, &lt;tt&gt;trygghet:boardanalysis&lt;/tt&gt;) när ingen mall anges där.</source>
      <translation>&lt;b&gt;Your own template with the municipality's logo and colours&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Click &lt;i&gt;Open in the Layout Designer&lt;/i&gt;: the shipped template (or your own) opens in QGIS's Layout Designer. The shipped templates are in the plugin's folder &lt;tt&gt;resources/layouts/&lt;/tt&gt; (&lt;tt&gt;lagesbild_a3.qpt&lt;/tt&gt;, &lt;tt&gt;lagesbild_a4.qpt&lt;/tt&gt;, &lt;tt&gt;board_a4.qpt&lt;/tt&gt;); they can also be opened with &lt;i&gt;Project → Layout Manager → New from template&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Add a logo (&lt;i&gt;Add Picture&lt;/i&gt;), change the colours of the bands, fonts and texts, move and resize items.&lt;/li&gt;&lt;li&gt;Keep the items' &lt;b&gt;ids&lt;/b&gt; (such as &lt;tt&gt;map_main&lt;/tt&gt;, &lt;tt&gt;key_figures&lt;/tt&gt;, &lt;tt&gt;area_map&lt;/tt&gt;): the plugin fills the items by id. An item you remove is skipped.&lt;/li&gt;&lt;li&gt;Save with &lt;i&gt;Layout → Save as Template…&lt;/i&gt; (a .qpt file, preferably in a shared place).&lt;/li&gt;&lt;li&gt;Choose the file with &lt;b&gt;…&lt;/b&gt; above. &lt;i&gt;Reset to the shipped template&lt;/i&gt; goes back to the shipped template.&lt;/li&gt;&lt;/ol&gt;The setting also applies to the Processing algorithms (&lt;tt&gt;trygghet:lagesbild&lt;/tt&gt;, &lt;tt&gt;trygghet:boardanalysis&lt;/tt&gt;) when no template is given there.</translation>
    </message>
    <message>
      <source>A3 liggande</source>
      <translation>A3 landscape</translation>
    </message>
    <message>
      <source>A4 liggande</source>
      <translation>A4 landscape</translation>
    </message>
    <message>
      <source>Trygghet: lägesbild {period}</source>
      <translation>Trygghet: situation picture {period}</translation>
    </message>
    <message>
      <source>Trygghet: nämndanalys {period}</source>
      <translation>Trygghet: board analysis {period}</translation>
    </message>
    <message>
      <source>Beräknar lägesbilden för {period} … / Computing …</source>
      <translation>Computing …</translation>
    </message>
    <message>
      <source>Beräknar nämndanalysen för {period} … / Computing …</source>
      <translation>Computing the board analysis for {period} …</translation>
    </message>
    <message>
      <source>Välj databasen (GeoPackage) först. / Choose the store first.</source>
      <translation>Choose the store first.</translation>
    </message>
    <message>
      <source>Skriver PDF … / Writing the PDF …</source>
      <translation>Writing the PDF …</translation>
    </message>
    <message>
      <source>Öppna PDF</source>
      <translation>Open PDF</translation>
    </message>
    <message>
      <source>Standardmallen används igen. / The shipped template is used again.</source>
      <translation>The shipped template is used again.</translation>
    </message>
    <message>
      <source>Layoutmall (.qpt)</source>
      <translation>Layout template (.qpt)</translation>
    </message>
    <message>
      <source>QGIS-layoutmall (*.qpt)</source>
      <translation>QGIS layout template (*.qpt)</translation>
    </message>
    <message>
      <source>PDF-mapp</source>
      <translation>PDF folder</translation>
    </message>
    <message>
      <source>Databas (GeoPackage)</source>
      <translation>Store (GeoPackage)</translation>
    </message>
    <message>
      <source>Avbryter … / Cancelling …</source>
      <translation>Cancelling …</translation>
    </message>
    <message>
      <source>perioden {period} ({dates})</source>
      <translation>the period {period} ({dates})</translation>
    </message>
    <message>
      <source>tertialen {period}</source>
      <translation>the tertial {period}</translation>
    </message>
    <message>
      <source>{title}: {pdf} ({pages} sidor)</source>
      <translation>{title}: {pdf} ({pages} pages)</translation>
    </message>
    <message>
      <source>Ingen mall hittades. / No template found.</source>
      <translation>No template found.</translation>
    </message>
    <message>
      <source>Lägesbild (intern, {days} dagar)</source>
      <translation>Situation picture (internal, {days} days)</translation>
    </message>
    <message>
      <source>({days} dagar)</source>
      <translation>({days} days)</translation>
    </message>
    <message>
      <source>Perioden har inte slutat än.</source>
      <translation>The period has not ended yet.</translation>
    </message>
    <message>
      <source>Databasen {store} finns inte. Välj en befintlig .gpkg (den skapas när rapporter synkas eller importeras). / The store does not exist.</source>
      <translation>The store {store} does not exist. Choose an existing .gpkg (it is made when reports are synced or imported).</translation>
    </message>
    <message>
      <source>Mallen {template} finns inte. Välj en annan mall eller klicka 'Återställ standardmall'. / The template does not exist.</source>
      <translation>The template {template} does not exist. Choose another template or click 'Reset to the shipped template'.</translation>
    </message>
    <message>
      <source>Avbrutet: ingen PDF skapades. / Cancelled.</source>
      <translation>Cancelled.</translation>
    </message>
    <message>
      <source>Klart: &lt;b&gt;{file}&lt;/b&gt; ({pages} sidor). Layouten '{title}' finns i layouthanteraren. &lt;a href='{pdf_url}'&gt;Öppna PDF&lt;/a&gt; · &lt;a href='{folder_url}'&gt;Visa mappen&lt;/a&gt;</source>
      <translation>Done: &lt;b&gt;{file}&lt;/b&gt; ({pages} pages). The layout '{title}' is in the Layout Manager. &lt;a href='{pdf_url}'&gt;Open PDF&lt;/a&gt; · &lt;a href='{folder_url}'&gt;Show the folder&lt;/a&gt;</translation>
    </message>
    <message>
      <source>{title} är klar: {file}</source>
      <translation>{title} is ready: {file}</translation>
    </message>
    <message>
      <source>Mall – lägesbild ({name})</source>
      <translation>Template – situation picture ({name})</translation>
    </message>
    <message>
      <source>Mall – nämndanalys ({name})</source>
      <translation>Template – board analysis ({name})</translation>
    </message>
    <message>
      <source>Mallen {file} är öppen i layouthanteraren. Lägg in logga och färger, behåll elementens id och spara med &lt;i&gt;Layout → Spara som mall…&lt;/i&gt;; välj sedan den nya .qpt-filen med &lt;b&gt;…&lt;/b&gt;.</source>
      <translation>The template {file} is open in the Layout Designer. Add logo and colours, keep the items' ids and save with &lt;i&gt;Layout → Save as Template…&lt;/i&gt;; then choose the new .qpt file with &lt;b&gt;…&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>Oväntat fel när underlaget beräknades: {error}. Detaljer finns i loggen (fliken {tab}). / Unexpected error; details are in the log.</source>
      <translation>Unexpected error while computing the figures: {error}. Details are in the log (the {tab} tab).</translation>
    </message>
    <message>
      <source>Det finns inga händelser i databasen för {what}. Välj en annan period, eller synka och importera först. / No incidents in the period.</source>
      <translation>There are no incidents in the store for {what}. Choose another period, or sync and import first.</translation>
    </message>
    <message>
      <source>Mallen {template} finns inte. / The template does not exist.</source>
      <translation>The template {template} does not exist.</translation>
    </message>
    <message>
      <source>Oväntat fel när layouten skapades: {error}. Detaljer finns i loggen (fliken {tab}). / Unexpected error; details are in the log.</source>
      <translation>Unexpected error while making the layout: {error}. Details are in the log (the {tab} tab).</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Trygghet – inställningar</source>
      <translation>Trygghet – settings</translation>
    </message>
    <message>
      <source>Databas:</source>
      <translation>Store:</translation>
    </message>
    <message>
      <source>GeoPackage-fil eller PostGIS-anslutning som rapporterna synkas till</source>
      <translation>The GeoPackage file or PostGIS connection the reports are synced into</translation>
    </message>
    <message>
      <source>Första periodens start:</source>
      <translation>Start of the first period:</translation>
    </message>
    <message>
      <source>Perioderna räknas från detta datum</source>
      <translation>Periods are counted from this date</translation>
    </message>
    <message>
      <source>Periodlängd (dagar):</source>
      <translation>Period length (days):</translation>
    </message>
    <message>
      <source>Antal dagar i lägesbildens period</source>
      <translation>Number of days in the situation picture's period</translation>
    </message>
    <message>
      <source>Cellstorlek (m):</source>
      <translation>Cell size (m):</translation>
    </message>
    <message>
      <source>Storleken på hexagonerna i täthet och hotspots</source>
      <translation>The size of the hexagons of density and hot spots</translation>
    </message>
    <message>
      <source>Gräns för små tal:</source>
      <translation>Small-count threshold:</translation>
    </message>
    <message>
      <source>Antal händelser som visas som ”färre än” i rapporterna</source>
      <translation>Counts shown as “fewer than” in the reports</translation>
    </message>
    <message>
      <source>Sidstorlek:</source>
      <translation>Page size:</translation>
    </message>
    <message>
      <source>Pappersstorlek för lägesbildens PDF</source>
      <translation>Paper size of the situation picture's PDF</translation>
    </message>
    <message>
      <source>Mall för lägesbild:</source>
      <translation>Situation picture template:</translation>
    </message>
    <message>
      <source>En egen .qpt-mall; tomt = den medföljande</source>
      <translation>A .qpt template of your own; empty = the shipped one</translation>
    </message>
    <message>
      <source>Mall för nämndanalys:</source>
      <translation>Board analysis template:</translation>
    </message>
    <message>
      <source>Bakgrundskarta:</source>
      <translation>Base map:</translation>
    </message>
    <message>
      <source>En XYZ-adress eller en WMS/WMTS-källa i QGIS; tomt = ingen</source>
      <translation>An XYZ URL or a QGIS WMS/WMTS source; empty = none</translation>
    </message>
    <message>
      <source>Mapp för rapporter:</source>
      <translation>Report folder:</translation>
    </message>
    <message>
      <source>Var PDF:erna sparas; tomt = bredvid databasen</source>
      <translation>Where the PDFs are written; empty = next to the store</translation>
    </message>
    <message>
      <source>Språk:</source>
      <translation>Language:</translation>
    </message>
    <message>
      <source>Gäller när pluginet laddas nästa gång</source>
      <translation>Applies when the plugin is next loaded</translation>
    </message>
    <message>
      <source>Felsökningslogg (fler meddelanden i loggen)</source>
      <translation>Debug log (more messages in the log)</translation>
    </message>
    <message>
      <source>Öppna användarguiden</source>
      <translation>Open the user guide</translation>
    </message>
    <message>
      <source>Användarguiden för analytiker, säkerhetsenheten och planerare</source>
      <translation>The user guide for analysts, the safety unit and planners</translation>
    </message>
    <message>
      <source>Svenska</source>
      <translation>Swedish</translation>
    </message>
    <message>
      <source>Engelska</source>
      <translation>English</translation>
    </message>
    <message>
      <source>Samma som QGIS</source>
      <translation>Same as QGIS</translation>
    </message>
  </context>
  <context>
    <name>SyncDock</name>
    <message>
      <source>Trygghet – synk av rapporter</source>
      <translation>Trygghet – report sync</translation>
    </message>
    <message>
      <source>Databas:</source>
      <translation>Store:</translation>
    </message>
    <message>
      <source>Databasen: GeoPackage-filen som rapporterna synkas till</source>
      <translation>Store: the GeoPackage the reports are synced into</translation>
    </message>
    <message>
      <source>sökväg till .gpkg</source>
      <translation>path to .gpkg</translation>
    </message>
    <message>
      <source>Anslutningar</source>
      <translation>Connections</translation>
    </message>
    <message>
      <source>Anslutningar till insamlingstjänster och exportfiler</source>
      <translation>Connections to collection services and export files</translation>
    </message>
    <message>
      <source>Lägg till</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Redigera</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>Ta bort</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Anslutning</source>
      <translation>Connection</translation>
    </message>
    <message>
      <source>Namn</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Typ</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Adress</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>Samling</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Hämta samlingar</source>
      <translation>Fetch collections</translation>
    </message>
    <message>
      <source>Fil</source>
      <translation>File</translation>
    </message>
    <message>
      <source>CSV, Excel (.xlsx) eller GeoJSON</source>
      <translation>CSV, Excel (.xlsx) or GeoJSON</translation>
    </message>
    <message>
      <source>Autentisering</source>
      <translation>Authentication</translation>
    </message>
    <message>
      <source>Källnamn</source>
      <translation>Source name</translation>
    </message>
    <message>
      <source>Källans namn i databasen (första delen av varje rapports uid)</source>
      <translation>Source name in the store (the first part of each report's uid)</translation>
    </message>
    <message>
      <source>Tillåt okrypterad http</source>
      <translation>Allow unencrypted http</translation>
    </message>
    <message>
      <source>Markera försvunna rapporter som borttagna</source>
      <translation>Mark vanished reports as deleted</translation>
    </message>
    <message>
      <source>En rapport som källan inte längre listar (efter en full synk) får status 'deleted'; den tas aldrig bort</source>
      <translation>A report the source no longer lists (after a full sync) gets status 'deleted'; it is never dropped</translation>
    </message>
    <message>
      <source>Fältmappning (fält i källan för varje fält i databasen):</source>
      <translation>Field mapping (the source field for each field of the store):</translation>
    </message>
    <message>
      <source>Fält i databasen</source>
      <translation>Field in the store</translation>
    </message>
    <message>
      <source>Fält i källan</source>
      <translation>Field in the source</translation>
    </message>
    <message>
      <source>Spara</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Avbryt</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Synk</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>Hämta allt (full synk)</source>
      <translation>Fetch everything (full sync)</translation>
    </message>
    <message>
      <source>Synka nu</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <source>Avbryt synk</source>
      <translation>Cancel sync</translation>
    </message>
    <message>
      <source>Senaste synk</source>
      <translation>Last sync</translation>
    </message>
    <message>
      <source>Tidpunkt</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Nya</source>
      <translation>New</translation>
    </message>
    <message>
      <source>Ändrade</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>Avvisade</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Borttagna i källan</source>
      <translation>Deleted in the source</translation>
    </message>
    <message>
      <source>Visa avvisade</source>
      <translation>Show rejected</translation>
    </message>
    <message>
      <source>Hämtar samlingar … / Fetching collections …</source>
      <translation>Fetching collections …</translation>
    </message>
    <message>
      <source>Trygghet: hämtar samlingar</source>
      <translation>Trygghet: fetching collections</translation>
    </message>
    <message>
      <source>Databas (GeoPackage)</source>
      <translation>Store (GeoPackage)</translation>
    </message>
    <message>
      <source>Exportfil</source>
      <translation>Export file</translation>
    </message>
    <message>
      <source>Exportfiler (*.csv *.txt *.xlsx *.geojson *.json);;Alla filer (*)</source>
      <translation>Export files (*.csv *.txt *.xlsx *.geojson *.json);;All files (*)</translation>
    </message>
    <message>
      <source>Välj eller lägg till en anslutning först. / Choose or add a connection first.</source>
      <translation>Choose or add a connection first.</translation>
    </message>
    <message>
      <source>Avbryter efter sidan som skrivs nu … / Stopping after this page …</source>
      <translation>Stopping after this page …</translation>
    </message>
    <message>
      <source>Synken avbröts innan den började. / The sync was cancelled before it started.</source>
      <translation>The sync was cancelled before it started.</translation>
    </message>
    <message>
      <source>Avvisade rapporter</source>
      <translation>Rejected reports</translation>
    </message>
    <message>
      <source>Anslutningen '{name}' är sparad. / Connection saved.</source>
      <translation>The connection '{name}' is saved.</translation>
    </message>
    <message>
      <source>{n} samlingar hittades. / collections found.</source>
      <translation>{n} collections found.</translation>
    </message>
    <message>
      <source>Synkar {name} … / Syncing …</source>
      <translation>Syncing {name} …</translation>
    </message>
    <message>
      <source>Sida {pages}: {records} poster hämtade / page {pages}: {records} records</source>
      <translation>page {pages}: {records} records</translation>
    </message>
    <message>
      <source>Tabellen med avvisade poster kunde inte öppnas. / The rejected table could not be opened.</source>
      <translation>The rejected table could not be opened.</translation>
    </message>
    <message>
      <source>Ta bort anslutningen '{name}'? Rapporterna i databasen finns kvar. / Remove the connection? The reports in the store stay.</source>
      <translation>Remove the connection '{name}'? The reports in the store stay.</translation>
    </message>
    <message>
      <source>Okända kategorier, lagda som Övrigt: {words}</source>
      <translation>Unknown categories, filed as Other: {words}</translation>
    </message>
  </context>
  <context>
    <name>TrygghetPlugin</name>
    <message>
      <source>Synka rapporter</source>
      <translation>Sync reports</translation>
    </message>
    <message>
      <source>Lägesbild</source>
      <translation>Situation picture</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>Filter</translation>
    </message>
    <message>
      <source>Skapa QGIS-projekt</source>
      <translation>Make QGIS project</translation>
    </message>
    <message>
      <source>Hjälp</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>Öppna användarguiden</source>
      <translation>Open the user guide</translation>
    </message>
  </context>
  <context>
    <name>PluginLogger</name>
    <message>
      <source>Visa logg</source>
      <translation>Show log</translation>
    </message>
  </context>
  <context>
    <name>CoreTask</name>
    <message>
      <source>Oväntat fel: {error}. Detaljer finns i loggen (fliken {tab}). / Unexpected error; details are in the log.</source>
      <translation>Unexpected error: {error}. Details are in the log (the {tab} tab).</translation>
    </message>
  </context>
  <context>
    <name>SyncTask</name>
    <message>
      <source>Trygghet: synkar {name}</source>
      <translation>Trygghet: syncing {name}</translation>
    </message>
    <message>
      <source>Oväntat fel under synken: {error}. Detaljer finns i loggen (fliken {tab}). / Unexpected error during the sync; details are in the log.</source>
      <translation>Unexpected error during the sync: {error}. Details are in the log (the {tab} tab).</translation>
    </message>
  </context>
</TS>
