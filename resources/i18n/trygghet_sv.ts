<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
  <context>
    <name>DataDock</name>
    <message>
      <source>Data</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Store:</source>
      <translation>Databas:</translation>
    </message>
    <message>
      <source>Store: the GeoPackage the data is imported into (made when missing). Shared with the other Trygghet docks.</source>
      <translation>Databas: GeoPackage-filen som data importeras till (skapas om den saknas). Delas med Trygghets övriga paneler.</translation>
    </message>
    <message>
      <source>path to .gpkg</source>
      <translation>sökväg till .gpkg</translation>
    </message>
    <message>
      <source>Choose the store</source>
      <translation>Välj databasen</translation>
    </message>
    <message>
      <source>Areas</source>
      <translation>Områden</translation>
    </message>
    <message>
      <source>DeSO or RegSO from Statistics Sweden (SCB), or the municipality's own districts: a polygon file (GeoPackage, Shapefile, GeoJSON) with a code and a name per area. Areas give the Filter dock its area list and the reports their rates per 1,000 inhabitants.</source>
      <translation>DeSO eller RegSO från SCB, eller kommunens egna stadsdelar: en polygonfil (GeoPackage, Shapefile, GeoJSON) med kod och namn per område. Områdena ger Filter-panelen dess områdeslista och rapporterna antal per 1 000 invånare.</translation>
    </message>
    <message>
      <source>Area file</source>
      <translation>Områdesfil</translation>
    </message>
    <message>
      <source>GeoPackage, Shapefile or GeoJSON</source>
      <translation>GeoPackage, Shapefile eller GeoJSON</translation>
    </message>
    <message>
      <source>The polygon file with the areas</source>
      <translation>Polygonfilen med områdena</translation>
    </message>
    <message>
      <source>Choose a file</source>
      <translation>Välj en fil</translation>
    </message>
    <message>
      <source>Layer in the file (when it holds several)</source>
      <translation>Lager i filen (om den har flera)</translation>
    </message>
    <message>
      <source>e.g. DeSO_2025</source>
      <translation>t.ex. DeSO_2025</translation>
    </message>
    <message>
      <source>The layer to read from a GeoPackage with several layers</source>
      <translation>Lagret som ska läsas ur en GeoPackage med flera lager</translation>
    </message>
    <message>
      <source>Municipality (code or name)</source>
      <translation>Kommun (kod eller namn)</translation>
    </message>
    <message>
      <source>e.g. 0682 or Nässjö</source>
      <translation>t.ex. 0682 eller Nässjö</translation>
    </message>
    <message>
      <source>Only the areas of this municipality are taken from a national file</source>
      <translation>Bara kommunens områden tas från en rikstäckande fil</translation>
    </message>
    <message>
      <source>Population per area (optional)</source>
      <translation>Befolkning per område (valfritt)</translation>
    </message>
    <message>
      <source>CSV or Excel: code and population</source>
      <translation>CSV eller Excel: kod och befolkning</translation>
    </message>
    <message>
      <source>A table with the area code and its population, for rates per 1,000 inhabitants</source>
      <translation>En tabell med områdeskod och befolkning, för antal per 1 000 invånare</translation>
    </message>
    <message>
      <source>Import areas</source>
      <translation>Importera områden</translation>
    </message>
    <message>
      <source>Reads the file into the store in the background (trygghet:importareas)</source>
      <translation>Läser in filen i databasen i bakgrunden (trygghet:importareas)</translation>
    </message>
    <message>
      <source>Police data</source>
      <translation>Polisens data</translation>
    </message>
    <message>
      <source>Police events saved from polisen.se (.json, .json.gz) or a geocoded crime export from the police (CSV, Excel or GeoJSON with crime type, date, coordinates and place type). Only crimes in public places are taken in; events from polisen.se are counted per municipality or area, never drawn as points.</source>
      <translation>Händelser sparade från polisen.se (.json, .json.gz) eller ett geokodat brottsuttag från polisen (CSV, Excel eller GeoJSON med brottstyp, datum, koordinater och platstyp). Bara brott på allmän plats tas in; händelser från polisen.se räknas per kommun eller område och ritas aldrig som punkter.</translation>
    </message>
    <message>
      <source>Police file</source>
      <translation>Polisfil</translation>
    </message>
    <message>
      <source>JSON, CSV, Excel or GeoJSON</source>
      <translation>JSON, CSV, Excel eller GeoJSON</translation>
    </message>
    <message>
      <source>The saved police events or the crime export</source>
      <translation>De sparade polishändelserna eller brottsuttaget</translation>
    </message>
    <message>
      <source>Only events in this municipality are taken in</source>
      <translation>Bara händelser i kommunen tas in</translation>
    </message>
    <message>
      <source>Import police data</source>
      <translation>Importera polisdata</translation>
    </message>
    <message>
      <source>Reads the file into the store in the background (trygghet:importpolice)</source>
      <translation>Läser in filen i databasen i bakgrunden (trygghet:importpolice)</translation>
    </message>
    <message>
      <source>Safety survey</source>
      <translation>Trygghetsmätning</translation>
    </message>
    <message>
      <source>Results of the safety survey (trygghetsmätning) per area and question, as CSV or Excel: index values (problem index 0–6, share feeling unsafe, respondents) or answer distributions per option. The area codes must be among the imported areas.</source>
      <translation>Trygghetsmätningens resultat per område och fråga, som CSV eller Excel: indexvärden (problemindex 0–6, andel otrygga, antal svarande) eller svarsfördelningar per svarsalternativ. Områdeskoderna måste finnas bland de importerade områdena.</translation>
    </message>
    <message>
      <source>Results file</source>
      <translation>Resultatfil</translation>
    </message>
    <message>
      <source>CSV or Excel</source>
      <translation>CSV eller Excel</translation>
    </message>
    <message>
      <source>The survey results per area and question</source>
      <translation>Mätningens resultat per område och fråga</translation>
    </message>
    <message>
      <source>Survey (name or year)</source>
      <translation>Mätning (namn eller år)</translation>
    </message>
    <message>
      <source>e.g. 2026</source>
      <translation>t.ex. 2026</translation>
    </message>
    <message>
      <source>Used when the file has no column undersökning</source>
      <translation>Används när filen saknar kolumnen undersökning</translation>
    </message>
    <message>
      <source>Import survey</source>
      <translation>Importera mätning</translation>
    </message>
    <message>
      <source>Reads the file into the store in the background (trygghet:importsurvey)</source>
      <translation>Läser in filen i databasen i bakgrunden (trygghet:importsurvey)</translation>
    </message>
    <message>
      <source>Importing …</source>
      <translation>Importerar …</translation>
    </message>
    <message>
      <source>Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;All files (*)</source>
      <translation>Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Population per area</source>
      <translation>Befolkning per område</translation>
    </message>
    <message>
      <source>Tables (*.csv *.txt *.xlsx);;All files (*)</source>
      <translation>Tabeller (*.csv *.txt *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Police data (*.json *.gz *.jsonl *.csv *.xlsx *.geojson);;All files (*)</source>
      <translation>Polisdata (*.json *.gz *.jsonl *.csv *.xlsx *.geojson);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Survey results</source>
      <translation>Mätningens resultat</translation>
    </message>
    <message>
      <source>Results (*.csv *.txt *.xlsx);;All files (*)</source>
      <translation>Resultat (*.csv *.txt *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Choose the store first.</source>
      <translation>Välj databasen först.</translation>
    </message>
    <message>
      <source>Choose a file first (…).</source>
      <translation>Välj en fil först (…).</translation>
    </message>
    <message>
      <source>Trygghet: importing {file}</source>
      <translation>Trygghet: importerar {file}</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Avbrutet.</translation>
    </message>
  </context>
  <context>
    <name>FilterDock</name>
    <message>
      <source>Filter</source>
      <translation>Filter</translation>
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
      <source>all categories</source>
      <translation>alla kategorier</translation>
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
      <source>GeoPackage (*.gpkg);;CSV for Excel (*.csv);;Excel (*.xlsx)</source>
      <translation>GeoPackage (*.gpkg);;CSV för Excel (*.csv);;Excel (*.xlsx)</translation>
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
      <source>Cancelling …</source>
      <translation>Avbryter …</translation>
    </message>
    <message>
      <source>{n} incidents with an exact location shown ({period}).</source>
      <translation>{n} händelser med exakt plats visas ({period}).</translation>
    </message>
    <message>
      <source>Hot spots and density are for {categories}.</source>
      <translation>Hotspots och täthet gäller {categories}.</translation>
    </message>
    <message>
      <source>They are computed over the whole kommun (each cell against its neighbours); the area choice limits the incidents and areas shown.</source>
      <translation>De beräknas över hela kommunen (varje cell mot sina grannar); områdesvalet begränsar händelserna och områdena som visas.</translation>
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
      <source>Show the situation picture on the map first: its layers are what is exported.</source>
      <translation>Visa lägesbilden på kartan först: det är dess lager som exporteras.</translation>
    </message>
    <message>
      <source>Hot spots, density and areas show {group} for {categories}: click "Show the situation picture on the map" to compute them for this period and choice.</source>
      <translation>Hotspots, täthet och områden visar {group} för {categories}: klicka på "Visa lägesbild på kartan" för att beräkna dem för den här perioden och det här urvalet.</translation>
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
      <source>Cancelled.</source>
      <translation>Avbrutet.</translation>
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
      <source>Situation picture</source>
      <translation>Lägesbild</translation>
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
      <source>Computing the situation picture for {period} …</source>
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
      <source>PDF folder</source>
      <translation>PDF-mapp</translation>
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
      <source>There are no incidents in the store for {what}. Choose another period, or sync and import first.</source>
      <translation>Det finns inga händelser i databasen för {what}. Välj en annan period, eller synka och importera först.</translation>
    </message>
    <message>
      <source>Done: &lt;b&gt;{file}&lt;/b&gt; ({pages} pages). The layout '{title}' is in the Layout Manager. &lt;a href='{pdf_url}'&gt;Open PDF&lt;/a&gt; · &lt;a href='{folder_url}'&gt;Show the folder&lt;/a&gt;</source>
      <translation>Klart: &lt;b&gt;{file}&lt;/b&gt; ({pages} sidor). Layouten '{title}' finns i layouthanteraren. &lt;a href='{pdf_url}'&gt;Öppna PDF&lt;/a&gt; · &lt;a href='{folder_url}'&gt;Visa mappen&lt;/a&gt;</translation>
    </message>
    <message>
      <source>The template {template} does not exist.</source>
      <translation>Mallen {template} finns inte.</translation>
    </message>
    <message>
      <source>Unexpected error while making the layout: {error}. Details are in the log (the {tab} tab).</source>
      <translation>Oväntat fel när layouten skapades: {error}. Detaljer finns i loggen (fliken {tab}).</translation>
    </message>
    <message>
      <source>The data stop {days} days before the period ends: sync first. The picture will mark no changes.</source>
      <translation>Underlaget slutar {days} dagar före periodens slut: synka först. Lägesbilden markerar inga förändringar.</translation>
    </message>
  </context>
  <context>
    <name>MeasureForm</name>
    <message>
      <source>Measure</source>
      <translation>Åtgärd</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>Titel:</translation>
    </message>
    <message>
      <source>e.g. New lighting in the park</source>
      <translation>t.ex. Ny belysning i parken</translation>
    </message>
    <message>
      <source>Type:</source>
      <translation>Typ:</translation>
    </message>
    <message>
      <source>Responsible:</source>
      <translation>Ansvarig:</translation>
    </message>
    <message>
      <source>responsible organisation</source>
      <translation>ansvarig organisation</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>Status:</translation>
    </message>
    <message>
      <source>Start:</source>
      <translation>Start:</translation>
    </message>
    <message>
      <source>End:</source>
      <translation>Slut:</translation>
    </message>
    <message>
      <source>Targets:</source>
      <translation>Riktas mot:</translation>
    </message>
    <message>
      <source>The categories of incidents the measure is meant to reduce; none ticked: all.</source>
      <translation>De kategorier av händelser som åtgärden ska minska; ingen markerad: alla.</translation>
    </message>
    <message>
      <source>Notes:</source>
      <translation>Anteckningar:</translation>
    </message>
    <message>
      <source>Internal notes: never printed in public output.</source>
      <translation>Interna anteckningar: skrivs aldrig ut i offentliga rapporter.</translation>
    </message>
    <message>
      <source>internal notes (not in public output)</source>
      <translation>interna anteckningar (inte i offentliga rapporter)</translation>
    </message>
    <message>
      <source>Place:</source>
      <translation>Plats:</translation>
    </message>
    <message>
      <source>New measure</source>
      <translation>Ny åtgärd</translation>
    </message>
    <message>
      <source>Edit measure</source>
      <translation>Redigera åtgärd</translation>
    </message>
    <message>
      <source>kept as it is</source>
      <translation>behålls som den är</translation>
    </message>
    <message>
      <source>none (only in the list)</source>
      <translation>ingen (bara i listan)</translation>
    </message>
  </context>
  <context>
    <name>MeasuresDock</name>
    <message>
      <source>Measures</source>
      <translation>Åtgärder</translation>
    </message>
    <message>
      <source>Store:</source>
      <translation>Databas:</translation>
    </message>
    <message>
      <source>Store: the GeoPackage that holds the measures. Shared with the other Trygghet docks.</source>
      <translation>Databas: den GeoPackage som har åtgärderna. Delas med Trygghets andra paneler.</translation>
    </message>
    <message>
      <source>path to .gpkg</source>
      <translation>sökväg till .gpkg</translation>
    </message>
    <message>
      <source>Choose the store</source>
      <translation>Välj databasen</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>Visa:</translation>
    </message>
    <message>
      <source>No measures yet: select hot spot cells or unusual clusters on the map, draw a polygon or choose areas, and make one with the buttons below.</source>
      <translation>Inga åtgärder ännu: markera hotspotceller eller ovanliga kluster på kartan, rita en polygon eller välj områden, och skapa en med knapparna nedan.</translation>
    </message>
    <message>
      <source>New measure from</source>
      <translation>Ny åtgärd från</translation>
    </message>
    <message>
      <source>Hot spot cells</source>
      <translation>Hotspotceller</translation>
    </message>
    <message>
      <source>A new measure where the selected cells of the hot spot layer are (select them on the map first)</source>
      <translation>En ny åtgärd där hotspotlagrets markerade celler ligger (markera dem på kartan först)</translation>
    </message>
    <message>
      <source>Unusual clusters</source>
      <translation>Ovanliga kluster</translation>
    </message>
    <message>
      <source>A new measure where the selected "unusual now" clusters are (select them on the map first)</source>
      <translation>En ny åtgärd där de markerade klustren i "Ovanligt just nu" ligger (markera dem på kartan först)</translation>
    </message>
    <message>
      <source>Draw polygon</source>
      <translation>Rita polygon</translation>
    </message>
    <message>
      <source>Draw the place on the map: click the corners, right-click to end, Esc to cancel</source>
      <translation>Rita platsen på kartan: klicka hörnen, högerklicka för att avsluta, Esc för att avbryta</translation>
    </message>
    <message>
      <source>Areas…</source>
      <translation>Områden…</translation>
    </message>
    <message>
      <source>A new measure over chosen areas (DeSO, RegSO, districts)</source>
      <translation>En ny åtgärd över valda områden (DeSO, RegSO, stadsdelar)</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Redigera…</translation>
    </message>
    <message>
      <source>Edit the selected measure</source>
      <translation>Redigera den valda åtgärden</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Avsluta</translation>
    </message>
    <message>
      <source>Mark the selected measure finished (avslutad), ending today</source>
      <translation>Markera den valda åtgärden som avslutad, med slut i dag</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Ta bort</translation>
    </message>
    <message>
      <source>Delete the selected measure (asks first)</source>
      <translation>Ta bort den valda åtgärden (frågar först)</translation>
    </message>
    <message>
      <source>Import CSV…</source>
      <translation>Importera CSV…</translation>
    </message>
    <message>
      <source>Measures from a CSV or Excel file (the columns the export writes)</source>
      <translation>Åtgärder från en CSV- eller Excelfil (de kolumner som exporten skriver)</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Exportera CSV…</translation>
    </message>
    <message>
      <source>Every measure as a CSV for Excel</source>
      <translation>Alla åtgärder som CSV för Excel</translation>
    </message>
    <message>
      <source>Evaluate</source>
      <translation>Utvärdera</translation>
    </message>
    <message>
      <source>Evaluate the selected measure, or every finished one: before and after, around it and in the rest of the municipality</source>
      <translation>Utvärdera den valda åtgärden, eller alla avslutade: före och efter, runt omkring och i resten av kommunen</translation>
    </message>
    <message>
      <source>Show on map</source>
      <translation>Visa på kartan</translation>
    </message>
    <message>
      <source>Add the layer of measures to the map (styled by type and status, with the temporal controller)</source>
      <translation>Lägg till lagret med åtgärder på kartan (färg efter typ, linje efter status, med tidskontrollen)</translation>
    </message>
    <message>
      <source>Areas of the measure</source>
      <translation>Åtgärdens områden</translation>
    </message>
    <message>
      <source>All measures</source>
      <translation>Alla åtgärder</translation>
    </message>
    <message>
      <source>Click the corners on the map; right-click ends, Esc cancels.</source>
      <translation>Klicka hörnen på kartan; högerklick avslutar, Esc avbryter.</translation>
    </message>
    <message>
      <source>drawn polygon</source>
      <translation>ritad polygon</translation>
    </message>
    <message>
      <source>Trygghet: evaluating measures</source>
      <translation>Trygghet: utvärderar åtgärder</translation>
    </message>
    <message>
      <source>Evaluating …</source>
      <translation>Utvärderar …</translation>
    </message>
    <message>
      <source>Delete measure</source>
      <translation>Ta bort åtgärd</translation>
    </message>
    <message>
      <source>Import measures</source>
      <translation>Importera åtgärder</translation>
    </message>
    <message>
      <source>Tables (*.csv *.txt *.xlsx);;All files (*)</source>
      <translation>Tabeller (*.csv *.txt *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Export measures</source>
      <translation>Exportera åtgärder</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <source>Choose the store first.</source>
      <translation>Välj databasen först.</translation>
    </message>
    <message>
      <source>no dates yet</source>
      <translation>inga datum ännu</translation>
    </message>
    <message>
      <source>No hot spot layer on the map: show the lägesbild on the map (the Filter dock) or run Hot spots first.</source>
      <translation>Inget hotspotlager på kartan: visa lägesbilden på kartan (Filter-panelen) eller kör Hotspots först.</translation>
    </message>
    <message>
      <source>No "unusual now" layer on the map: show the lägesbild on the map (the Filter dock) first.</source>
      <translation>Inget lager "Ovanligt just nu" på kartan: visa lägesbilden på kartan (Filter-panelen) först.</translation>
    </message>
    <message>
      <source>There is no map to draw on.</source>
      <translation>Det finns ingen karta att rita på.</translation>
    </message>
    <message>
      <source>Imported from {file}: {new} new, {updated} updated, {unchanged} unchanged, {rejected} not taken.</source>
      <translation>Importerat från {file}: {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade.</translation>
    </message>
    <message>
      <source>{n} of {total} measures evaluated.</source>
      <translation>{n} av {total} åtgärder utvärderade.</translation>
    </message>
    <message>
      <source>Select a measure in the list first.</source>
      <translation>Välj en åtgärd i listan först.</translation>
    </message>
    <message>
      <source>selected hot spot cells ({n})</source>
      <translation>markerade hotspotceller ({n})</translation>
    </message>
    <message>
      <source>selected unusual clusters ({n})</source>
      <translation>markerade ovanliga kluster ({n})</translation>
    </message>
    <message>
      <source>chosen areas ({n})</source>
      <translation>valda områden ({n})</translation>
    </message>
    <message>
      <source>{what}, {ha} ha</source>
      <translation>{what}, {ha} ha</translation>
    </message>
    <message>
      <source>Saved: {title}</source>
      <translation>Sparad: {title}</translation>
    </message>
    <message>
      <source>Closed: {title} (ended {day})</source>
      <translation>Avslutad: {title} (slut {day})</translation>
    </message>
    <message>
      <source>Deleted: {title}</source>
      <translation>Borttagen: {title}</translation>
    </message>
    <message>
      <source>{n} measures written to {path}.</source>
      <translation>{n} åtgärder skrivna till {path}.</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Avbrutet.</translation>
    </message>
    <message>
      <source>The store has no areas: import them in the Data dock first.</source>
      <translation>Databasen har inga områden: importera dem i Data-panelen först.</translation>
    </message>
    <message>
      <source>Delete the measure “{title}”? This cannot be undone.</source>
      <translation>Ta bort åtgärden ”{title}”? Det går inte att ångra.</translation>
    </message>
    <message>
      <source>No finished measure to evaluate: close a measure first.</source>
      <translation>Ingen avslutad åtgärd att utvärdera: avsluta en åtgärd först.</translation>
    </message>
    <message>
      <source>Verdict: {verdict}</source>
      <translation>Bedömning: {verdict}</translation>
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
      <source>Choose or create a GeoPackage file</source>
      <translation>Välj eller skapa en GeoPackage-fil</translation>
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
      <source>Choose a layout template (.qpt)</source>
      <translation>Välj en layoutmall (.qpt)</translation>
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
      <source>Choose a folder</source>
      <translation>Välj mapp</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>Språk:</translation>
    </message>
    <message>
      <source>Applies when QGIS is restarted</source>
      <translation>Gäller när QGIS startas om</translation>
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
      <source>The new language applies when QGIS is restarted (the printed PDFs stay Swedish).</source>
      <translation>Det nya språket gäller när QGIS startas om (de utskrivna PDF:erna förblir på svenska).</translation>
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
    <message>
      <source>Report folder</source>
      <translation>Rapportmapp</translation>
    </message>
  </context>
  <context>
    <name>SyncDock</name>
    <message>
      <source>Sync</source>
      <translation>Synk</translation>
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
      <source>Choose the store (a GeoPackage) the reports are written to</source>
      <translation>Välj databasen (en GeoPackage) som rapporterna skrivs till</translation>
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
      <source>Add a connection to a collection service or an export file</source>
      <translation>Lägg till en anslutning till en insamlingstjänst eller en exportfil</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Lägg till</translation>
    </message>
    <message>
      <source>Change the chosen connection</source>
      <translation>Ändra den valda anslutningen</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Redigera</translation>
    </message>
    <message>
      <source>Remove the chosen connection (the reports in the store stay)</source>
      <translation>Ta bort den valda anslutningen (rapporterna i databasen blir kvar)</translation>
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
      <source>List the service's collections to choose from</source>
      <translation>Lista tjänstens samlingar att välja bland</translation>
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
      <source>Choose the export file</source>
      <translation>Välj exportfilen</translation>
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
      <source>Only for a test server: reports and credentials would travel unencrypted</source>
      <translation>Bara för en testserver: rapporter och inloggningsuppgifter skulle skickas okrypterat</translation>
    </message>
    <message>
      <source>Allow unencrypted http</source>
      <translation>Tillåt okrypterad http</translation>
    </message>
    <message>
      <source>Reports gone from the source</source>
      <translation>Rapporter som försvunnit ur källan</translation>
    </message>
    <message>
      <source>Mark as deleted</source>
      <translation>Markera som borttagna</translation>
    </message>
    <message>
      <source>A report the source no longer lists (after a full sync) gets status 'deleted'; it is never dropped</source>
      <translation>En rapport som källan inte längre listar (efter en full synk) får status 'deleted'; den tas aldrig bort</translation>
    </message>
    <message>
      <source>Links to other addresses</source>
      <translation>Länkar till andra adresser</translation>
    </message>
    <message>
      <source>Follow without credentials</source>
      <translation>Följ utan inloggningsuppgifter</translation>
    </message>
    <message>
      <source>Credentials go only to the address above. When the service sends the sync on to another address, it stops there unless this is ticked; then it continues there without the credentials (never from https to http)</source>
      <translation>Inloggningsuppgifterna skickas bara till adressen ovan. När tjänsten skickar synken vidare till en annan adress stannar den där om inte detta är ikryssat; då fortsätter den där utan inloggningsuppgifterna (aldrig från https till http)</translation>
    </message>
    <message>
      <source>History from</source>
      <translation>Historik från</translation>
    </message>
    <message>
      <source>YYYY-MM-DD (default: five years back)</source>
      <translation>ÅÅÅÅ-MM-DD (standard: fem år bakåt)</translation>
    </message>
    <message>
      <source>The first day a full sync asks the service for (Open311)</source>
      <translation>Den första dag en full synk frågar tjänsten efter (Open311)</translation>
    </message>
    <message>
      <source>Times without a zone</source>
      <translation>Tider utan tidszon</translation>
    </message>
    <message>
      <source>How to read times the source sends without a time zone: services usually mean UTC (RFC 3339), Swedish export files Swedish time</source>
      <translation>Hur tider som källan skickar utan tidszon ska läsas: tjänster menar oftast UTC (RFC 3339), svenska exportfiler svensk tid</translation>
    </message>
    <message>
      <source>Source's categories</source>
      <translation>Källans kategorier</translation>
    </message>
    <message>
      <source>One per line: the source's word = a category, e.g. Graffiti Removal = Klotter</source>
      <translation>En per rad: källans ord = en kategori, t.ex. Graffiti Removal = Klotter</translation>
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
      <source>Ask the server for one record (nothing is stored) and list the source's fields for the mapping</source>
      <translation>Be servern om en post (inget sparas) och lista källans fält för fältmappningen</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Testa anslutning</translation>
    </message>
    <message>
      <source>Save the connection; a server that does not answer gives a warning</source>
      <translation>Spara anslutningen; en server som inte svarar ger en varning</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Spara</translation>
    </message>
    <message>
      <source>Close the form without saving</source>
      <translation>Stäng formuläret utan att spara</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Fetch every report again, not only those changed since the last sync (unticked after the sync)</source>
      <translation>Hämta alla rapporter igen, inte bara de som ändrats sedan förra synken (avmarkeras efter synken)</translation>
    </message>
    <message>
      <source>Fetch everything (full sync)</source>
      <translation>Hämta allt (full synk)</translation>
    </message>
    <message>
      <source>Fetch new and changed reports from the chosen connection into the store</source>
      <translation>Hämta nya och ändrade rapporter från den valda anslutningen till databasen</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Synka nu</translation>
    </message>
    <message>
      <source>Stop the sync; the pages fetched so far are kept</source>
      <translation>Stoppa synken; sidorna som hämtats hittills behålls</translation>
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
      <source>The records that could not be taken, each with its reason</source>
      <translation>Posterna som inte kunde tas emot, var och en med sitt skäl</translation>
    </message>
    <message>
      <source>Show rejected</source>
      <translation>Visa avvisade</translation>
    </message>
    <message>
      <source>Trygghet: testing the connection</source>
      <translation>Trygghet: testar anslutningen</translation>
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
      <source>Export file</source>
      <translation>Exportfil</translation>
    </message>
    <message>
      <source>Export files (*.csv *.txt *.xlsx *.geojson *.json);;All files (*)</source>
      <translation>Exportfiler (*.csv *.txt *.xlsx *.geojson *.json);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Testing the connection …</source>
      <translation>Testar anslutningen …</translation>
    </message>
    <message>
      <source>The connection '{name}' is saved.</source>
      <translation>Anslutningen '{name}' är sparad.</translation>
    </message>
    <message>
      <source>1 collection found.</source>
      <translation>1 samling hittades.</translation>
    </message>
    <message>
      <source>Choose or add a connection first.</source>
      <translation>Välj eller lägg till en anslutning först.</translation>
    </message>
    <message>
      <source>Stopping …</source>
      <translation>Avbryter …</translation>
    </message>
    <message>
      <source>The sync was cancelled before it started.</source>
      <translation>Synken avbröts innan den började.</translation>
    </message>
    <message>
      <source>No reports have been rejected: everything synced was taken in.</source>
      <translation>Inga rapporter har avvisats: allt som synkats togs in.</translation>
    </message>
    <message>
      <source>Rejected reports</source>
      <translation>Avvisade rapporter</translation>
    </message>
    <message>
      <source>Its fields can now be picked in the mapping.</source>
      <translation>Dess fält kan nu väljas i fältmappningen.</translation>
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
      <source>The connection '{name}' is saved, but the server did not answer: {error} Check the address, or sync when the server is up.</source>
      <translation>Anslutningen '{name}' är sparad, men servern svarade inte: {error} Kontrollera adressen, eller synka när servern är uppe.</translation>
    </message>
    <message>
      <source>{n} collections found.</source>
      <translation>{n} samlingar hittades.</translation>
    </message>
    <message>
      <source>Unknown categories, filed as Other: {words}</source>
      <translation>Okända kategorier, lagda som Övrigt: {words}</translation>
    </message>
  </context>
  <context>
    <name>Analysis</name>
    <message>
      <source>fixed</source>
      <translation>fast</translation>
    </message>
    <message>
      <source>given</source>
      <translation>angiven</translation>
    </message>
    <message>
      <source>Silverman (spatial, ArcGIS), 150–1000 m</source>
      <translation>Silverman (rumslig, ArcGIS), 150–1000 m</translation>
    </message>
    <message>
      <source>The search radius must be greater than 0.</source>
      <translation>Sökradien måste vara större än 0.</translation>
    </message>
    <message>
      <source>No incidents and no boundary.</source>
      <translation>Inga händelser och ingen gräns.</translation>
    </message>
    <message>
      <source>Cannot write {path}</source>
      <translation>Kan inte skriva {path}</translation>
    </message>
    <message>
      <source>The trend test's significance level is too small.</source>
      <translation>Trendtestets signifikansnivå är för liten.</translation>
    </message>
    <message>
      <source>The confidence level must be 0.90, 0.95 or 0.99.</source>
      <translation>Konfidensnivån ska vara 0,90, 0,95 eller 0,99.</translation>
    </message>
    <message>
      <source>Emerging hot spots need at least {least} periods, not {count}: with fewer, the Mann–Kendall trend test cannot reach significance, so intensifying and diminishing could never be told from persistent.</source>
      <translation>Framväxande hotspots kräver minst {least} perioder, inte {count}: med färre kan Mann–Kendalls trendtest aldrig bli signifikant, så intensifierande och avtagande går inte att skilja från ihållande.</translation>
    </message>
    <message>
      <source>Only {count} periods: Emerging Hot Spot Analysis wants at least {least} time steps. With fewer, a trend is seldom significant and the patterns are uncertain.</source>
      <translation>Bara {count} perioder: Emerging Hot Spot Analysis vill ha minst {least} tidssteg. Med färre blir en trend sällan signifikant och mönstren är osäkra.</translation>
    </message>
    <message>
      <source>The cell size must be greater than 0.</source>
      <translation>Cellstorleken måste vara större än 0.</translation>
    </message>
    <message>
      <source>The boundary is empty or not an area.</source>
      <translation>Gränsen är tom eller ingen yta.</translation>
    </message>
    <message>
      <source>No incidents to count and no boundary to lay the grid over.</source>
      <translation>Inga händelser att räkna och ingen gräns att lägga rutnätet över.</translation>
    </message>
    <message>
      <source>{cells} cells of {size} m, {incidents} incidents; {hot} hot spot cells, {cold} cold cells ({classes})</source>
      <translation>{cells} celler à {size} m, {incidents} händelser; {hot} hotspotceller, {cold} kalla celler ({classes})</translation>
    </message>
    <message>
      <source>decreased</source>
      <translation>minskade</translation>
    </message>
    <message>
      <source>decreased, also in the surroundings</source>
      <translation>minskade, även i närområdet</translation>
    </message>
    <message>
      <source>decreased, but some probably moved to the surroundings</source>
      <translation>minskade, men en del flyttade troligen till närområdet</translation>
    </message>
    <message>
      <source>probably moved to the surroundings</source>
      <translation>flyttade troligen till närområdet</translation>
    </message>
    <message>
      <source>increased</source>
      <translation>ökade</translation>
    </message>
    <message>
      <source>no certain change</source>
      <translation>ingen säker förändring</translation>
    </message>
    <message>
      <source>too few incidents to judge</source>
      <translation>för få händelser för att bedöma</translation>
    </message>
    <message>
      <source>the period after is not over yet</source>
      <translation>perioden efter är inte slut än</translation>
    </message>
    <message>
      <source>An evaluation window must be at least 14 days (two weeks of counts to measure the noise).</source>
      <translation>Ett utvärderingsfönster måste vara minst 14 dagar (två veckors antal för att mäta bruset).</translation>
    </message>
    <message>
      <source>The measure has no place (geometry) to evaluate.</source>
      <translation>Åtgärden har ingen plats (geometri) att utvärdera.</translation>
    </message>
    <message>
      <source>The buffer must be wider than 0 m.</source>
      <translation>Bufferten måste vara bredare än 0 m.</translation>
    </message>
    <message>
      <source>The same weeks a year earlier, without the measure, show a like fall in the target area: the fall is probably seasonal.</source>
      <translation>Samma veckor ett år tidigare, utan åtgärden, visar en liknande minskning i målområdet: minskningen beror troligen på säsongen.</translation>
    </message>
    <message>
      <source>The comparison area lies inside the target area and its buffer: choose another.</source>
      <translation>Jämförelseområdet ligger inom målområdet och dess buffert: välj ett annat.</translation>
    </message>
    <message>
      <source>{n} incidents in the target area before and after together; at least {min} are needed to judge.</source>
      <translation>{n} händelser i målområdet före och efter tillsammans; minst {min} behövs för att bedöma.</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>måndag</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>tisdag</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>onsdag</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>torsdag</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>fredag</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>lördag</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>söndag</translation>
    </message>
    <message>
      <source>The first period must start on a Monday, not {date} ({weekday}).</source>
      <translation>Första perioden måste börja en måndag, inte {date} ({weekday}).</translation>
    </message>
    <message>
      <source>A period of {days} days is not possible.</source>
      <translation>Periodlängd {days} dagar går inte.</translation>
    </message>
    <message>
      <source>There is no tertial {n} (1–3).</source>
      <translation>Tertial {n} finns inte (1–3).</translation>
    </message>
    <message>
      <source>'{text}' is not a tertial (write e.g. 2026-T3).</source>
      <translation>'{text}' är ingen tertial (skriv t.ex. 2026-T3).</translation>
    </message>
    <message>
      <source>The period ends before it starts: {start} – {end}</source>
      <translation>Perioden slutar före den börjar: {start} – {end}</translation>
    </message>
    <message>
      <source>{period} is not a tertial</source>
      <translation>{period} är ingen tertial</translation>
    </message>
    <message>
      <source>Invalid start date '{date}' (YYYY-MM-DD)</source>
      <translation>Ogiltigt startdatum '{date}' (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
      <source>Unknown category: {words}. Choose among {known} (or a subcategory).</source>
      <translation>Okänd kategori: {words}. Välj bland {known} (eller en underkategori).</translation>
    </message>
    <message>
      <source>Unusual now: {clusters} clusters ({windows} of {cells} windows flagged); {incidents} incidents, dispersion {alpha:.2f}, {history} earlier periods</source>
      <translation>Ovanligt just nu: {clusters} kluster ({windows} av {cells} fönster flaggade); {incidents} händelser, överspridning {alpha:.2f}, {history} tidigare perioder</translation>
    </message>
    <message>
      <source>Unusual now: too little history to tell what is usual ({n} earlier periods with incidents; a year is needed).</source>
      <translation>Ovanligt just nu: för kort historik för att veta vad som är vanligt ({n} tidigare perioder med händelser; ett år behövs).</translation>
    </message>
    <message>
      <source>unsafe options without a weight: {options}</source>
      <translation>otrygga svarsalternativ utan vikt: {options}</translation>
    </message>
    <message>
      <source>the weight of {option} is outside {low}–{high}</source>
      <translation>vikten för {option} ligger utanför {low}–{high}</translation>
    </message>
  </context>
  <context>
    <name>Store</name>
    <message>
      <source>authcfg needs QGIS.</source>
      <translation>authcfg kräver QGIS.</translation>
    </message>
    <message>
      <source>The authentication config '{authcfg}' does not exist in QGIS.</source>
      <translation>Autentiseringen '{authcfg}' finns inte i QGIS.</translation>
    </message>
    <message>
      <source>The authentication config '{authcfg}' could not be read: is the master password set?</source>
      <translation>Autentiseringen '{authcfg}' kunde inte läsas: är huvudlösenordet angivet?</translation>
    </message>
    <message>
      <source>Not allowed to write kommun {kommun}'s rows: {n} records not written (kept in rejected with the reason).</source>
      <translation>Får inte skriva kommun {kommun}:s rader: {n} poster skrevs inte (sparade bland avvisade med orsaken).</translation>
    </message>
    <message>
      <source>Not allowed to write the region's rows without a kommun: {n} records not written (kept in rejected with the reason).</source>
      <translation>Får inte skriva regionens rader utan kommun: {n} poster skrevs inte (sparade bland avvisade med orsaken).</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>Kopierat</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Avbrutet</translation>
    </message>
    <message>
      <source>The source and the target are the same store.</source>
      <translation>Käll- och måldatabasen är samma.</translation>
    </message>
    <message>
      <source>Cannot copy a {kind}.</source>
      <translation>Kan inte kopiera {kind}.</translation>
    </message>
    <message>
      <source>{table}: {total} ({new} new, {updated} updated, {unchanged} unchanged</source>
      <translation>{table}: {total} ({new} nya, {updated} ändrade, {unchanged} oförändrade</translation>
    </message>
    <message>
      <source>, {rejected} outside the kommun</source>
      <translation>, {rejected} utanför kommunen</translation>
    </message>
    <message>
      <source>The store holds no incidents yet. Next: sync reports (the Sync dock: add a connection, then Sync now) or import police data (the Data dock); then try again.</source>
      <translation>Databasen har inga händelser ännu. Nästa steg: synka rapporter (dockan Synk: lägg till en anslutning, sedan Synka nu) eller importera polisdata (dockan Data); försök sedan igen.</translation>
    </message>
    <message>
      <source>The store {name} is read-only (the file or its folder cannot be written): it can be read — layers, lägesbild, board analysis — but nothing can be saved in it. Copy it to a folder you can write to, or ask for write access.</source>
      <translation>Databasen {name} är skrivskyddad (filen eller dess mapp kan inte skrivas): den kan läsas — lager, lägesbild, nämndanalys — men inget kan sparas i den. Kopiera den till en mapp du kan skriva i, eller be om skrivbehörighet.</translation>
    </message>
    <message>
      <source>{uid}: an incident without a location must be rejected before storing.</source>
      <translation>{uid}: en händelse utan plats ska avvisas före lagring.</translation>
    </message>
    <message>
      <source>{name} was written by a newer version of Trygghet (schema {version}; this version knows schema {known}). Update the plugin.</source>
      <translation>{name} har skapats av en nyare version av Trygghet (schema {version}; denna version kan schema {known}). Uppdatera pluginet.</translation>
    </message>
    <message>
      <source>{name} is not a GeoPackage.</source>
      <translation>{name} är ingen GeoPackage.</translation>
    </message>
    <message>
      <source>{name} is not a Trygghet store.</source>
      <translation>{name} är ingen Trygghet-databas.</translation>
    </message>
    <message>
      <source>Unknown table: {table}</source>
      <translation>Okänd tabell: {table}</translation>
    </message>
    <message>
      <source>Unknown columns: {columns}</source>
      <translation>Okända kolumner: {columns}</translation>
    </message>
    <message>
      <source>Measure {uid} has an unreadable geometry.</source>
      <translation>Åtgärden {uid} har en geometri som inte går att läsa.</translation>
    </message>
    <message>
      <source>Could not create {path}: {error}</source>
      <translation>Kunde inte skapa {path}: {error}</translation>
    </message>
    <message>
      <source>The store {path} does not exist.</source>
      <translation>Databasen {path} finns inte.</translation>
    </message>
    <message>
      <source>{name} is read-only and of an older version (schema {version}): copy it to a folder where it can be written once, to upgrade it.</source>
      <translation>{name} är skrivskyddad och av en äldre version (schema {version}): kopiera den en gång till en mapp där den kan skrivas, så uppgraderas den.</translation>
    </message>
    <message>
      <source>Cannot read {path}: {error}</source>
      <translation>Kan inte läsa {path}: {error}</translation>
    </message>
    <message>
      <source>Could not upgrade {name}: {error}</source>
      <translation>Kunde inte uppgradera {name}: {error}</translation>
    </message>
    <message>
      <source>Area {code} has no geometry.</source>
      <translation>Området {code} saknar geometri.</translation>
    </message>
    <message>
      <source>Could not write to {name}: {error}</source>
      <translation>Kunde inte skriva till {name}: {error}</translation>
    </message>
    <message>
      <source>No store given: set STORE to a .gpkg path or a PostGIS connection.</source>
      <translation>Ingen databas angiven: ange STORE som en sökväg till en .gpkg eller en PostGIS-anslutning.</translation>
    </message>
    <message>
      <source>STORE must not hold a password: use a QGIS connection with an authentication config (authcfg), pg_service.conf or ~/.pgpass.</source>
      <translation>STORE får inte innehålla något lösenord: använd en QGIS-anslutning med autentisering (authcfg), pg_service.conf eller ~/.pgpass.</translation>
    </message>
    <message>
      <source>write to</source>
      <translation>skriva till</translation>
    </message>
    <message>
      <source>every kommun</source>
      <translation>alla kommuner</translation>
    </message>
    <message>
      <source>no kommun</source>
      <translation>ingen kommun</translation>
    </message>
    <message>
      <source>{what} belongs to no kommun (the region's rows); your role {role} is not allowed to write it (it writes {allowed})</source>
      <translation>{what} hör inte till någon kommun (regionens rader); din roll {role} får inte skriva den (den skriver {allowed})</translation>
    </message>
    <message>
      <source>{what} belongs to kommun {kommun}; your role {role} is not allowed to write kommun {kommun}'s rows (it writes {allowed})</source>
      <translation>{what} hör till kommun {kommun}; din roll {role} får inte skriva kommun {kommun}:s rader (den skriver {allowed})</translation>
    </message>
    <message>
      <source>STORE could not be read as a PostgreSQL connection (key=value).</source>
      <translation>STORE kunde inte läsas som en PostgreSQL-anslutning (nyckel=värde).</translation>
    </message>
    <message>
      <source>The store is closed.</source>
      <translation>Databasen är stängd.</translation>
    </message>
    <message>
      <source>create the Trygghet schema in</source>
      <translation>skapa Trygghet-schemat i</translation>
    </message>
    <message>
      <source>upgrade</source>
      <translation>uppgradera</translation>
    </message>
    <message>
      <source>The authentication method {method} is not supported for PostGIS; use Basic (user name and password).</source>
      <translation>Autentiseringsmetoden {method} stöds inte för PostGIS; använd Basic (användare och lösenord).</translation>
    </message>
    <message>
      <source>Could not {doing} the PostGIS store: {error}</source>
      <translation>Kunde inte {doing} PostGIS-databasen: {error}</translation>
    </message>
    <message>
      <source>read</source>
      <translation>läsa</translation>
    </message>
    <message>
      <source>{what} has no kommun and your role {role} writes several ({allowed}); open the store with kommun= one of them</source>
      <translation>{what} saknar kommun och din roll {role} skriver flera ({allowed}); öppna databasen med kommun= en av dem</translation>
    </message>
    <message>
      <source>Measure {uid}</source>
      <translation>Åtgärd {uid}</translation>
    </message>
    <message>
      <source>The kommun code must be four digits, not '{kommun}'.</source>
      <translation>Kommunkoden ska vara fyra siffror, inte '{kommun}'.</translation>
    </message>
    <message>
      <source>Invalid schema name '{name}' (lower-case letters, digits, _).</source>
      <translation>Ogiltigt schemanamn '{name}' (små bokstäver, siffror, _).</translation>
    </message>
    <message>
      <source>QGIS has no PostgreSQL connection named '{name}'.</source>
      <translation>Ingen PostgreSQL-anslutning med namnet '{name}' i QGIS.</translation>
    </message>
    <message>
      <source>Your role {role} is not allowed to write another kommun's rows (it writes {allowed}); nothing was written. ({error})</source>
      <translation>Din roll {role} får inte skriva en annan kommuns rader (den skriver {allowed}); inget skrevs. ({error})</translation>
    </message>
    <message>
      <source>You have read-only access to the PostGIS store (e.g. the role trygghet_reader) and cannot {doing} it; ask an analyst with write access. ({error})</source>
      <translation>Du har bara läsrätt i PostGIS-databasen (t.ex. rollen trygghet_reader) och kan inte {doing} den; be en analytiker med skrivrätt. ({error})</translation>
    </message>
    <message>
      <source>The PostGIS store was written by a newer version of Trygghet (schema {version}; this version knows schema {known}). Update the plugin.</source>
      <translation>PostGIS-databasen har skapats av en nyare version av Trygghet (schema {version}; denna version kan schema {known}). Uppdatera pluginet.</translation>
    </message>
    <message>
      <source>You have read-only access to the PostGIS store (role {role}) and cannot write to it; ask an analyst with write access.</source>
      <translation>Du har bara läsrätt i PostGIS-databasen (rollen {role}) och kan inte skriva till den; be en analytiker med skrivrätt.</translation>
    </message>
    <message>
      <source>Your role {role} is not allowed to write any kommun's rows: ask the administrator to make it a member of trygghet_kommun_&lt;kommunkod&gt; (see resources/postgis/roles.sql).</source>
      <translation>Din roll {role} får inte skriva någon kommuns rader: be administratören göra den till medlem i trygghet_kommun_&lt;kommunkod&gt; (se resources/postgis/roles.sql).</translation>
    </message>
    <message>
      <source>Your role {role} is not allowed to write kommun {kommun}'s rows (it writes {allowed}); nothing was written.</source>
      <translation>Din roll {role} får inte skriva kommun {kommun}:s rader (den skriver {allowed}); inget skrevs.</translation>
    </message>
    <message>
      <source>{what} belongs to kommun {kommun}, the store is scoped to kommun {scope}; give each kommun's source its own source name</source>
      <translation>{what} hör till kommun {kommun}, databasen är avgränsad till kommun {scope}; ge varje kommuns källa ett eget källnamn</translation>
    </message>
    <message>
      <source>The sync state of {key} belongs to kommun {kommun}: your role {role} is not allowed to write kommun {kommun}'s rows here (it writes {allowed}); give each kommun's source its own address (URL, collection or file). Nothing was written.</source>
      <translation>Synkstatusen för {key} hör till kommun {kommun}: din roll {role} får inte skriva kommun {kommun}:s rader här (den skriver {allowed}); ge varje kommuns källa en egen adress (URL, samling eller fil). Inget skrevs.</translation>
    </message>
    <message>
      <source>Invalid PostgreSQL URI: {error}</source>
      <translation>Ogiltig PostgreSQL-adress: {error}</translation>
    </message>
    <message>
      <source>Could not connect to the PostGIS store ({connection}): {error}</source>
      <translation>Kunde inte ansluta till PostGIS-databasen ({connection}): {error}</translation>
    </message>
    <message>
      <source>The database has no Trygghet schema '{schema}'.</source>
      <translation>Databasen har inget Trygghet-schema '{schema}'.</translation>
    </message>
    <message>
      <source>The database has no Trygghet schema '{schema}' and you may not create it; ask an administrator to open it with Trygghet first.</source>
      <translation>Databasen har inget Trygghet-schema '{schema}' och du får inte skapa det; be en administratör öppna den med Trygghet först.</translation>
    </message>
    <message>
      <source>The schema '{schema}' is not a Trygghet store or cannot be read. ({error})</source>
      <translation>Schemat '{schema}' är ingen Trygghet-databas eller går inte att läsa. ({error})</translation>
    </message>
    <message>
      <source>The PostGIS store has schema {version} and must be upgraded to {target}; only the schema's owner ({owner}) can do that, by opening it with this version of Trygghet.</source>
      <translation>PostGIS-databasen har schema {version} och behöver uppgraderas till {target}; det kan bara schemats ägare ({owner}) göra, genom att öppna den med denna version av Trygghet.</translation>
    </message>
    <message>
      <source>PostGIS is missing from the database and could not be installed; ask the administrator to run CREATE EXTENSION postgis. ({error})</source>
      <translation>PostGIS saknas i databasen och kunde inte installeras; be administratören köra CREATE EXTENSION postgis. ({error})</translation>
    </message>
    <message>
      <source>Incident {uid}</source>
      <translation>Händelsen {uid}</translation>
    </message>
    <message>
      <source>Area {code}</source>
      <translation>Området {code}</translation>
    </message>
    <message>
      <source>Survey result {key}</source>
      <translation>Mätresultatet {key}</translation>
    </message>
    <message>
      <source>Survey place {uid}</source>
      <translation>Den otrygga platsen {uid}</translation>
    </message>
  </context>
  <context>
    <name>Browse</name>
    <message>
      <source>Store (GeoPackage)</source>
      <translation>Databas (GeoPackage)</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Layout template (.qpt)</source>
      <translation>Layoutmall (.qpt)</translation>
    </message>
    <message>
      <source>QGIS layout template (*.qpt)</source>
      <translation>QGIS-layoutmall (*.qpt)</translation>
    </message>
  </context>
  <context>
    <name>CoreTask</name>
    <message>
      <source>Trygghet: syncing {name}</source>
      <translation>Trygghet: synkar {name}</translation>
    </message>
    <message>
      <source>Unexpected error: {error}. Details are in the log (the {tab} tab).</source>
      <translation>Oväntat fel: {error}. Detaljer finns i loggen (fliken {tab}).</translation>
    </message>
  </context>
  <context>
    <name>Processing</name>
    <message>
      <source>Give a results file (INPUT) or places marked unsafe (PLACES).</source>
      <translation>Ange en resultatfil (INPUT) eller otrygga platser (PLACES).</translation>
    </message>
    <message>
      <source>Unknown area kind '{kind}': choose {kinds}.</source>
      <translation>Okänd områdestyp '{kind}': välj {kinds}.</translation>
    </message>
    <message>
      <source>{survey}: perceived against reported insecurity computed for {count} areas.</source>
      <translation>{survey}: upplevd mot rapporterad otrygghet beräknad för {count} områden.</translation>
    </message>
    <message>
      <source>Fetching from {url}</source>
      <translation>Hämtar från {url}</translation>
    </message>
    <message>
      <source>Invalid date '{value}': use YYYY-MM-DD.</source>
      <translation>Ogiltigt datum '{value}': skriv ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
      <source>{count} events read</source>
      <translation>{count} händelser lästa</translation>
    </message>
    <message>
      <source>Add measure</source>
      <translation>Lägg till åtgärd</translation>
    </message>
    <message>
      <source>Records a measure (lighting, pruning, cameras, clean-up, patrols, dialogue …) in the store so it can be followed up. Where it acts: the features of INPUT (tick 'Selected features only' to use, e.g., the selected hot spot cells); several features become one place. Without INPUT the measure has no place and cannot be evaluated.

TYPE: {types}. STATUS: planerad, pågående or avslutad (planned, ongoing, finished). START and END as YYYY-MM-DD (a finished measure needs both). CATEGORIES: the incident categories it targets, comma-separated (empty: all). UID: the id of a measure to update (empty: a new measure).</source>
      <translation>Sparar en åtgärd (belysning, beskärning, kameror, städning, patrullering, dialog …) i lagret så att den kan följas upp. Var den verkar: objekten i INPUT (kryssa i 'Endast valda objekt' för att använda t.ex. de valda hot spot-cellerna); flera objekt blir en plats. Utan INPUT har åtgärden ingen plats och kan inte utvärderas.

TYPE: {types}. STATUS: planerad, pågående eller avslutad. START och END som ÅÅÅÅ-MM-DD (en avslutad åtgärd behöver båda). CATEGORIES: de händelsekategorier den riktar sig mot, kommaseparerade (tomt: alla). UID: id för en åtgärd som ska uppdateras (tomt: en ny åtgärd).</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <source>Status (planerad, pågående, avslutad)</source>
      <translation>Status (planerad, pågående, avslutad)</translation>
    </message>
    <message>
      <source>Start date (YYYY-MM-DD)</source>
      <translation>Startdatum (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
      <source>End date (YYYY-MM-DD)</source>
      <translation>Slutdatum (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
      <source>Responsible organisation</source>
      <translation>Ansvarig organisation</translation>
    </message>
    <message>
      <source>Targeted categories, comma-separated (empty: all)</source>
      <translation>Kategorier som åtgärden riktar sig mot, kommaseparerade (tomt: alla)</translation>
    </message>
    <message>
      <source>Where it acts (features of a layer)</source>
      <translation>Var den verkar (objekt i ett lager)</translation>
    </message>
    <message>
      <source>Internal notes</source>
      <translation>Interna anteckningar</translation>
    </message>
    <message>
      <source>Municipality code</source>
      <translation>Kommunkod</translation>
    </message>
    <message>
      <source>Id of a measure to update</source>
      <translation>Id för en åtgärd som ska uppdateras</translation>
    </message>
    <message>
      <source>Id of the measure</source>
      <translation>Åtgärdens id</translation>
    </message>
    <message>
      <source>The measure has no place (no INPUT features): it cannot be evaluated until it has one.</source>
      <translation>Åtgärden har ingen plats (inga objekt i INPUT): den kan inte utvärderas förrän den har en.</translation>
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
      <source>Measure {uid} saved: {title}</source>
      <translation>Åtgärd {uid} sparad: {title}</translation>
    </message>
    <message>
      <source>Board analysis per tertial (PDF)</source>
      <translation>Nämndanalys per tertial (PDF)</translation>
    </message>
    <message>
      <source>Writes the public analysis for the municipal board for one tertial (Jan–Apr, May–Aug, Sep–Dec) as a PDF: a summary with the most important significant changes, the development over three years, one page per area (an atlas over the areas), the safety survey, the police's figures, the finished measures counted per type and verdict, and method and sources. Safe to publish: aggregated figures only, no exact locations or free texts, small counts shown as &lt;3, and other counts hidden (shown ..) where totals, other columns, changes, rates or the area pages would give a small count away.

TERTIAL: e.g. 2026-T3; empty = the last complete tertial.
SMALL_COUNT: counts up to this are hidden (default: the plugin's setting).
Outputs HIDDEN_SMALL, HIDDEN_PROTECTING and INFORMATION_LOSS (% of the published counts hidden).</source>
      <translation>Skriver den offentliga analysen till kommunstyrelsen för en tertial (jan–apr, maj–aug, sep–dec) som PDF: en sammanfattning med de viktigaste säkerställda förändringarna, utvecklingen över tre år, en sida per område (en atlas över områdena), trygghetsmätningen, polisens uppgifter, de avslutade åtgärderna räknade per typ och bedömning samt metod och källor. Säker att publicera: endast sammanräknade uppgifter, inga exakta platser eller fritexter, små antal visas som &lt;3, och andra antal döljs (visas som ..) där summor, andra kolumner, förändringar, antal per invånare eller områdessidorna annars skulle avslöja ett litet antal.

TERTIAL: t.ex. 2026-T3; tomt = den senaste hela tertialen.
SMALL_COUNT: antal upp till detta döljs (standard: pluginets inställning).
Utdata HIDDEN_SMALL, HIDDEN_PROTECTING och INFORMATION_LOSS (% av de publicerade antalen som döljs).</translation>
    </message>
    <message>
      <source>Tertial (e.g. 2026-T3)</source>
      <translation>Tertial (t.ex. 2026-T3)</translation>
    </message>
    <message>
      <source>Show counts up to this as &lt;n</source>
      <translation>Visa antal upp till detta som &lt;n</translation>
    </message>
    <message>
      <source>Small counts hidden</source>
      <translation>Små antal dolda</translation>
    </message>
    <message>
      <source>Counts hidden to protect small ones</source>
      <translation>Antal dolda för att skydda små antal</translation>
    </message>
    <message>
      <source>Share of published counts hidden (%)</source>
      <translation>Andel av de publicerade antalen som är dolda (%)</translation>
    </message>
    <message>
      <source>Board analysis for {period}</source>
      <translation>Nämndanalys för {period}</translation>
    </message>
    <message>
      <source>Copy store</source>
      <translation>Kopiera databas</translation>
    </message>
    <message>
      <source>Copies everything in one store into another without loss: incidents, areas, safety surveys, measures with their evaluation, sync state and rejected records, with every field. INPUT and OUTPUT are a GeoPackage file or a PostGIS store (a QGIS connection, service=… or postgresql://…, optionally with kommun=0682 for one municipality in a region). Records are updated by key, so an interrupted copy can run again and a second copy changes nothing.</source>
      <translation>Kopierar allt i en databas till en annan, utan förlust: händelser, områden, trygghetsmätningar, åtgärder med sin utvärdering, synkstatus och avvisade poster, med alla fält. INPUT och OUTPUT är en GeoPackage-fil eller en PostGIS-databas (en QGIS-anslutning, service=… eller postgresql://…, valfritt med kommun=0682 för en kommun i en region). Posterna uppdateras efter nyckel, så en avbruten kopiering kan köras igen och en andra kopiering ändrar ingenting.</translation>
    </message>
    <message>
      <source>From store (GeoPackage or PostGIS)</source>
      <translation>Från databas (GeoPackage eller PostGIS)</translation>
    </message>
    <message>
      <source>To store (GeoPackage or PostGIS; created when missing)</source>
      <translation>Till databas (GeoPackage eller PostGIS; skapas vid behov)</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Sammanfattning</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>Händelser</translation>
    </message>
    <message>
      <source>Areas</source>
      <translation>Områden</translation>
    </message>
    <message>
      <source>Survey results</source>
      <translation>Mätresultat</translation>
    </message>
    <message>
      <source>Unsafe places</source>
      <translation>Otrygga platser</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>Åtgärder</translation>
    </message>
    <message>
      <source>Sync states</source>
      <translation>Synkstatus</translation>
    </message>
    <message>
      <source>Rejected records</source>
      <translation>Avvisade poster</translation>
    </message>
    <message>
      <source>Rows in all</source>
      <translation>Rader totalt</translation>
    </message>
    <message>
      <source>Copying {source} → {target}</source>
      <translation>Kopierar {source} → {target}</translation>
    </message>
    <message>
      <source>Emerging hot spots</source>
      <translation>Framväxande hotspots</translation>
    </message>
    <message>
      <source>Confidence for a hot spot in one period</source>
      <translation>Konfidens för hotspot i en period</translation>
    </message>
    <message>
      <source>New: a hot spot in the last period and never before. Consecutive: one unbroken run of at least two hot periods at the end, never hot before it, under 90 % of the periods. Intensifying / Persistent / Diminishing: a hot spot in at least 90 % of the periods including the last, with counts rising / without a trend / falling. Sporadic: a hot spot in the last period, on and off before, under 90 %, never a cold spot. Oscillating: a hot spot in the last period that was a cold spot before, under 90 %. Historical: not a hot spot in the last period, but in at least 90 % of the periods. The field history shows each period, oldest first: + hot, - cold, . neither.</source>
      <translation>Ny: hotspot i sista perioden och aldrig tidigare. Sammanhängande: en obruten följd av minst två hotspotperioder i slutet, aldrig hotspot före den, under 90 % av perioderna. Intensifierande / Ihållande / Avtagande: hotspot i minst 90 % av perioderna inklusive den sista, med stigande antal / utan trend / fallande antal. Sporadisk: hotspot i sista perioden, av och på tidigare, under 90 %, aldrig kallt område. Växlande: hotspot i sista perioden som tidigare varit kallt område, under 90 %. Historisk: inte hotspot i sista perioden, men i minst 90 % av perioderna. Fältet history visar varje period, äldst först: + hotspot, - kallt område, . inget av dem.</translation>
    </message>
    <message>
      <source>Number of periods</source>
      <translation>Antal perioder</translation>
    </message>
    <message>
      <source>Cells</source>
      <translation>Celler</translation>
    </message>
    <message>
      <source>Cells with a pattern</source>
      <translation>Celler med mönster</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Varning</translation>
    </message>
    <message>
      <source>No patterns</source>
      <translation>Inga mönster</translation>
    </message>
    <message>
      <source>{count} periods: {first} – {last}; boundary: {boundary}</source>
      <translation>{count} perioder: {first} – {last}; gräns: {boundary}</translation>
    </message>
    <message>
      <source>Runs the hot spot analysis (Gi*) for each of the last PERIODS periods on the same hexagon grid and sorts each cell by its history into the categories of ArcGIS Pro's Emerging Hot Spot Analysis: {labels} (and the matching cold spots). A cell is a hot spot in a period when its Gi* class reaches the chosen confidence (FDR-corrected within the period). The trend is a Mann–Kendall test (5 %) of the cell's incident counts, so intensifying and diminishing mean more and fewer incidents.</source>
      <translation>Kör hotspotanalysen (Gi*) för var och en av de senaste PERIODS perioderna på samma hexagonrutnät och delar in varje cell efter dess förlopp i kategorierna från ArcGIS Pros Emerging Hot Spot Analysis: {labels} (och motsvarande kalla områden). En cell är hotspot i en period när dess Gi*-klass når vald konfidens (FDR-korrigerad inom perioden). Trenden är ett Mann–Kendall-test (5 %) av cellens antal händelser, så intensifierande och avtagande betyder fler och färre händelser.</translation>
    </message>
    <message>
      <source>At least {least} periods are needed (with fewer the trend test cannot reach 5 %); with fewer than {recommended} the result warns.</source>
      <translation>Minst {least} perioder krävs (med färre kan trendtestet inte nå 5 %); med färre än {recommended} varnar resultatet.</translation>
    </message>
    <message>
      <source>Evaluate measures</source>
      <translation>Utvärdera åtgärder</translation>
    </message>
    <message>
      <source>No finished measure to evaluate.</source>
      <translation>Ingen avslutad åtgärd att utvärdera.</translation>
    </message>
    <message>
      <source>Follows up measures as crime-prevention research does. The period after starts on the measure's first day and is as long as the measure (at least {days} days, or DAYS); the period before is as long, just before the start; both are also counted 52 weeks earlier (the same weeks a year before, the seasonal match). Incidents of the measure's categories placed precisely are counted in the target area (a point or line measure acts within POINT_RADIUS m), in a ring BUFFER m wide around it (did incidents move there, or fall there too?) and in the comparison area (COMPARISON, else the rest of the municipality).

The effect is the ratio of ratios (target after/before) / (comparison after/before) with a 95 % interval widened for overdispersion; the Weighted Displacement Quotient (Bowers &amp; Johnson 2003) and its parts say whether incidents moved to the buffer (WDQ &lt; 0) or fell there too (WDQ &gt; 0); the WDQ is given only when the target improved, as they read it. The verdict in words refuses to judge with fewer than {min} incidents in the target area. MEASURES: ids, comma-separated (empty: every finished measure). With SAVE the verdict is kept on the measure.</source>
      <translation>Följer upp åtgärder så som brottsförebyggande forskning gör. Perioden efter börjar på åtgärdens första dag och är lika lång som åtgärden (minst {days} dagar, eller DAYS); perioden före är lika lång, närmast före starten; båda räknas också 52 veckor tidigare (samma veckor ett år före, säsongsjämförelsen). Händelser i åtgärdens kategorier med exakt plats räknas i målområdet (en punkt- eller linjeåtgärd verkar inom POINT_RADIUS m), i en ring BUFFER m bred runt det (flyttade händelserna dit, eller minskade de där också?) och i jämförelseområdet (COMPARISON, annars resten av kommunen).

Effekten är kvoten av kvoter (målområdet efter/före) / (jämförelseområdet efter/före) med ett 95 %-intervall som vidgas för överspridning; Weighted Displacement Quotient (Bowers &amp; Johnson 2003) och dess delar visar om händelserna flyttade till bufferten (WDQ &lt; 0) eller minskade där också (WDQ &gt; 0); WDQ anges bara när målområdet förbättrades, så som de läser den. Bedömningen i ord avstår med färre än {min} händelser i målområdet. MEASURES: id, kommaseparerade (tomt: alla avslutade åtgärder). Med SAVE sparas bedömningen på åtgärden.</translation>
    </message>
    <message>
      <source>Measures (ids, comma-separated; empty: every finished one)</source>
      <translation>Åtgärder (id, kommaseparerade; tomt: alla avslutade)</translation>
    </message>
    <message>
      <source>Buffer ring width in metres</source>
      <translation>Buffertringens bredd i meter</translation>
    </message>
    <message>
      <source>Comparison area (empty: the rest of the municipality)</source>
      <translation>Jämförelseområde (tomt: resten av kommunen)</translation>
    </message>
    <message>
      <source>Radius in metres a point or line measure acts within</source>
      <translation>Radie i meter som en punkt- eller linjeåtgärd verkar inom</translation>
    </message>
    <message>
      <source>Days before and after (0: the measure's own length)</source>
      <translation>Dagar före och efter (0: åtgärdens egen längd)</translation>
    </message>
    <message>
      <source>Keep the verdict on the measure</source>
      <translation>Spara bedömningen på åtgärden</translation>
    </message>
    <message>
      <source>Evaluated measures</source>
      <translation>Utvärderade åtgärder</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Anmärkning</translation>
    </message>
    <message>
      <source>Cannot write the result (OUTPUT)</source>
      <translation>Kan inte skriva resultatet (OUTPUT)</translation>
    </message>
    <message>
      <source>Measures evaluated</source>
      <translation>Utvärderade åtgärder</translation>
    </message>
    <message>
      <source>Measures that reduced incidents</source>
      <translation>Åtgärder som minskade händelserna</translation>
    </message>
    <message>
      <source>{n} measures evaluated, {k} reduced incidents.</source>
      <translation>{n} åtgärder utvärderade, {k} minskade händelserna.</translation>
    </message>
    <message>
      <source>Export filtered incidents</source>
      <translation>Exportera filtrerade händelser</translation>
    </message>
    <message>
      <source>Writes the incidents the filter keeps to a CSV for Excel (.csv), an Excel workbook (.xlsx) or a GeoPackage (.gpkg), as the Filter panel's export does. The filter: PERIOD_START and PERIOD_END (days, Swedish time; empty: no limit), CATEGORY (categories or subcategories, comma-separated), AREAS (area codes, comma-separated) and SOURCES (e.g. reports, police). An area code the store has no area for selects nothing, and the log says so. Deleted incidents and those placed only on an area or the kommun are left out. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are written with a leading apostrophe; numbers stay numbers.</source>
      <translation>Skriver de händelser som filtret behåller till en CSV för Excel (.csv), en Excel-arbetsbok (.xlsx) eller en GeoPackage (.gpkg), som filterpanelens export gör. Filtret: PERIOD_START och PERIOD_END (dagar, svensk tid; tomt: ingen gräns), CATEGORY (kategorier eller underkategorier, kommaseparerade), AREAS (områdeskoder, kommaseparerade) och SOURCES (t.ex. reports, police). En områdeskod som databasen inte har något område för väljer ingenting, och loggen säger det. Borttagna händelser och sådana som bara placerats på ett område eller kommunen tas inte med. Textceller som ett kalkylprogram skulle köra som formel (som börjar med = + - @, tabb eller CR) skrivs med en inledande apostrof; tal förblir tal.</translation>
    </message>
    <message>
      <source>First day (empty: no limit)</source>
      <translation>Första dag (tomt: ingen gräns)</translation>
    </message>
    <message>
      <source>Last day (empty: no limit)</source>
      <translation>Sista dag (tomt: ingen gräns)</translation>
    </message>
    <message>
      <source>Categories, comma-separated (empty: all)</source>
      <translation>Kategorier, kommaseparerade (tom: alla)</translation>
    </message>
    <message>
      <source>Area codes, comma-separated (empty: all)</source>
      <translation>Områdeskoder, kommaseparerade (tomt: alla)</translation>
    </message>
    <message>
      <source>Sources, comma-separated (empty: all)</source>
      <translation>Källor, kommaseparerade (tomt: alla)</translation>
    </message>
    <message>
      <source>Output file</source>
      <translation>Utfil</translation>
    </message>
    <message>
      <source>CSV for Excel (*.csv);;Excel (*.xlsx);;GeoPackage (*.gpkg)</source>
      <translation>CSV för Excel (*.csv);;Excel (*.xlsx);;GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Incidents exported</source>
      <translation>Exporterade händelser</translation>
    </message>
    <message>
      <source>Invalid date {key}: {value}</source>
      <translation>Ogiltigt datum {key}: {value}</translation>
    </message>
    <message>
      <source>Export layers for planners</source>
      <translation>Exportera lager för planerare</translation>
    </message>
    <message>
      <source>Writes the situation picture's layers for the period to a GeoPackage in SWEREF 99 TM: incidents with exact places (without free text), the police's incidents per area, hot spots, emerging hot spots, incidents per 1,000 inhabitants per area, the safety survey and the municipality boundary – the layers the store has data for. Each layer's style (Swedish legends, icons) is saved in the file's layer_styles as its default style, so the layers open styled in any QGIS project, named as on the map. Next to it a layer definition file (.qlr) adds them to a project as one group with the filled layers switched off, so they do not cover the base map. The density map is internal and is not exported.</source>
      <translation>Skriver lägesbildens lager för perioden till en GeoPackage i SWEREF 99 TM: händelser med exakt plats (utan fritext), polisens händelser per område, hotspots, framväxande hotspots, händelser per 1 000 invånare per område, trygghetsmätningen och kommungränsen – de lager databasen har data för. Varje lagers stil (svenska teckenförklaringar, ikoner) sparas i filens layer_styles som standardstil, så lagren öppnas med stil och samma namn som på kartan i vilket QGIS-projekt som helst. Bredvid den lägger en lagerdefinitionsfil (.qlr) till dem i ett projekt som en grupp med de fyllda lagren avslagna, så att de inte täcker bakgrundskartan. Täthetskartan är intern och exporteras inte.</translation>
    </message>
    <message>
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <source>Layers</source>
      <translation>Lager</translation>
    </message>
    <message>
      <source>Incidents with exact places</source>
      <translation>Händelser med exakt plats</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Layer definition file (the layers as one group)</source>
      <translation>Lagerdefinitionsfil (lagren som en grupp)</translation>
    </message>
    <message>
      <source>Heatmap (internal)</source>
      <translation>Täthetskarta (intern)</translation>
    </message>
    <message>
      <source>Pixel size in metres</source>
      <translation>Pixelstorlek i meter</translation>
    </message>
    <message>
      <source>Kernel density (quartic kernel) of the incidents as a GeoTIFF in SWEREF 99 TM, in incidents per km² over the period; for internal use. Bandwidth BANDWIDTH: 300 m unless given otherwise (about one block, resolves places 30–150 m across); 0 = rule of thumb (ArcGIS's spatial Silverman rule, 150–1000 m) – in a municipality with several towns it often comes out at 500–900 m. Computed in numpy (binning + FFT) instead of QGIS's Heatmap algorithm: the same result without a layer, fast for millions of points and without QGIS in the analysis core.</source>
      <translation>Kärntäthet (kvartisk kärna) av händelserna som GeoTIFF i SWEREF 99 TM, i händelser per km² under perioden; för internt bruk. Sökradie BANDWIDTH: 300 m om inget annat anges (ungefär ett kvarter, löser upp platser 30–150 m stora); 0 = tumregel (ArcGIS rumsliga Silverman-regel, 150–1000 m) – den blir ofta 500–900 m i en kommun med flera orter. Beräknas i numpy (binning + FFT) i stället för QGIS Heatmap-algoritmen: samma resultat utan lager, snabbt för miljoner punkter och utan QGIS i analysdelen.</translation>
    </message>
    <message>
      <source>Bandwidth in metres (0 = rule of thumb)</source>
      <translation>Sökradie i meter (0 = tumregel)</translation>
    </message>
    <message>
      <source>Density</source>
      <translation>Täthet</translation>
    </message>
    <message>
      <source>Bandwidth used (m)</source>
      <translation>Använd sökradie (m)</translation>
    </message>
    <message>
      <source>Outside the boundary: nodata (without a boundary: the extent of the incidents).</source>
      <translation>Utanför gränsen: nodata (utan gräns: händelsernas utbredning).</translation>
    </message>
    <message>
      <source>Period: {period}; boundary: {boundary}; {count} incidents; bandwidth {bandwidth} m ({rule}); pixel {pixel} m</source>
      <translation>Period: {period}; gräns: {boundary}; {count} händelser; sökradie {bandwidth} m ({rule}); pixel {pixel} m</translation>
    </message>
    <message>
      <source>Cell size: the distance between the hexagon's opposite flat sides (= the distance between neighbouring cells), in metres. 250 m gives 144 m sides and 5.4 ha per cell. The cells are all whole hexagons that intersect the municipality boundary; the grid is anchored at the origin of SWEREF 99 TM, so the same size gives the same cells in every run.</source>
      <translation>Cellstorlek: avståndet mellan hexagonens motstående raka sidor (= avståndet mellan grannceller), i meter. 250 m ger sidan 144 m och 5,4 ha per cell. Cellerna är alla hela hexagoner som skär kommungränsen; rutnätet är förankrat i SWEREF 99 TM:s origo, så samma storlek ger samma celler i varje körning.</translation>
    </message>
    <message>
      <source>The boundary: BOUNDARY when given, else the municipality's polygon from the store's areas (kind 'kommun'), else the convex hull around the incidents.</source>
      <translation>Gränsen: BOUNDARY om angiven, annars kommunens yta ur databasens areas (kind 'kommun'), annars det konvexa höljet kring händelserna.</translation>
    </message>
    <message>
      <source>The period: PERIOD_DAYS days ending with PERIOD_END (the last day, Swedish time). Without PERIOD_END: the last complete 14-day period (two ISO weeks, counted from the setting first_period_start). Incidents are counted by when they happened; deleted ones are not counted, and only incidents with an exact or street-level location are used.</source>
      <translation>Perioden: PERIOD_DAYS dagar som slutar med PERIOD_END (sista dagen, svensk tid). Utan PERIOD_END: den senaste hela 14-dagarsperioden (två ISO-veckor, räknat från inställningen first_period_start). Händelser räknas efter när de inträffade; borttagna räknas inte, och bara händelser med exakt läge eller gatuläge används.</translation>
    </message>
    <message>
      <source>Hot spots (Gi*)</source>
      <translation>Hotspots (Gi*)</translation>
    </message>
    <message>
      <source>Last day of the period (empty: the last complete one)</source>
      <translation>Periodens sista dag (tom: senaste hela perioden)</translation>
    </message>
    <message>
      <source>Boundary (empty: the municipality from the store)</source>
      <translation>Gräns (tom: kommunen ur databasen)</translation>
    </message>
    <message>
      <source>the convex hull around the incidents</source>
      <translation>konvext hölje kring händelserna</translation>
    </message>
    <message>
      <source>Correct for multiple tests (FDR)</source>
      <translation>Korrigera för många test (FDR)</translation>
    </message>
    <message>
      <source>Period length in days</source>
      <translation>Periodens längd i dagar</translation>
    </message>
    <message>
      <source>Cell size in metres (flat side to flat side)</source>
      <translation>Cellstorlek i meter (mellan motstående sidor)</translation>
    </message>
    <message>
      <source>the municipality boundary from the store</source>
      <translation>kommunens gräns ur databasen</translation>
    </message>
    <message>
      <source>Counts incidents in a hexagon grid over the municipality and computes Getis-Ord Gi* for every cell (binary neighbour weights: the six neighbours and the cell itself). The result has every cell, empty ones too, with the fields n (count in the cell), nb_n and nb_expected (count in the cell with its neighbours, and the expected count if the incidents were spread evenly), gi_z (z-score), gi_p (p-value, two-sided, normal approximation), gi_q (p adjusted for multiple tests with Benjamini–Hochberg, FDR), exact_p / exact_q (exact binomial test of nb_n, and its FDR), gi_class (-3..3) and label: Hotspot 99/95/90 %, Inte signifikant, Kallt område 90/95/99 %. The class is based on gi_q, but only as far as the exact test agrees: with few incidents the normal approximation otherwise gives false hot spots (a single incident in the countryside gets z ≈ 6).</source>
      <translation>Räknar händelser i ett hexagonrutnät över kommunen och beräknar Getis-Ord Gi* för varje cell (binära grannvikter, de sex grannarna och cellen själv). Resultatet har alla celler, även tomma, med fälten n (antal i cellen), nb_n och nb_expected (antal i cellen med grannar, och väntat antal om händelserna vore jämnt spridda), gi_z (z-värde), gi_p (p-värde, tvåsidigt, normalapproximation), gi_q (p justerat för många test med Benjamini–Hochberg, FDR), exact_p / exact_q (exakt binomialtest av nb_n, och dess FDR), gi_class (-3..3) och label: Hotspot 99/95/90 %, Inte signifikant, Kallt område 90/95/99 %. Klassen bygger på gi_q, men bara så långt det exakta testet håller med: vid få händelser ger normalapproximationen annars falska hotspots (en enda händelse på landsbygden får z ≈ 6).</translation>
    </message>
    <message>
      <source>Hot spots</source>
      <translation>Hotspots</translation>
    </message>
    <message>
      <source>the given boundary</source>
      <translation>angiven gräns</translation>
    </message>
    <message>
      <source>Incidents in the grid</source>
      <translation>Händelser i rutnätet</translation>
    </message>
    <message>
      <source>Hot spot cells</source>
      <translation>Hotspotceller</translation>
    </message>
    <message>
      <source>Cold spot cells</source>
      <translation>Kalla celler</translation>
    </message>
    <message>
      <source>Period: {period} ({dates}); boundary: {boundary}</source>
      <translation>Period: {period} ({dates}); gräns: {boundary}</translation>
    </message>
    <message>
      <source>{count} incidents outside the boundary are not counted</source>
      <translation>{count} händelser utanför gränsen räknas inte</translation>
    </message>
    <message>
      <source>{count} incidents without a precise location are not counted</source>
      <translation>{count} händelser utan exakt läge räknas inte</translation>
    </message>
    <message>
      <source>Invalid date PERIOD_END: {value}</source>
      <translation>Ogiltigt datum PERIOD_END: {value}</translation>
    </message>
    <message>
      <source>Import areas</source>
      <translation>Importera områden</translation>
    </message>
    <message>
      <source>Areas into the store: DeSO or RegSO from Statistics Sweden (SCB) (GeoPackage or WFS, e.g. INPUT=https://geodata.scb.se/geoserver/stat/wfs LAYER=stat:DeSO_2025), the municipality's own districts (any polygon layer with code and name fields) or the municipality boundary. Filtered on KOMMUNKOD (code or name). Population per area from a CSV or Excel file (code + population) gives rates per 1,000 inhabitants. When there is no municipality boundary, the union of the areas is saved as the boundary. Areas are updated by code; records that cannot be taken in are saved in rejected with the reason.

KIND: deso, regso, district or kommun (empty: from the code field).</source>
      <translation>Områden till databasen: DeSO eller RegSO från SCB (GeoPackage eller WFS, t.ex. INPUT=https://geodata.scb.se/geoserver/stat/wfs LAYER=stat:DeSO_2025), kommunens egna kommundelar (valfritt polygonlager med kod- och namnfält) eller kommungränsen. Filtreras på KOMMUNKOD (kod eller namn). Befolkning per område från en CSV- eller Excelfil (kod + befolkning) ger tal per 1 000 invånare. Finns ingen kommungräns sparas områdenas union som kommungräns. Områden uppdateras efter kod; poster som inte kan tas emot sparas i rejected med orsak.

KIND: deso, regso, district eller kommun (tomt: efter kodfältet).</translation>
    </message>
    <message>
      <source>Area kind (deso, regso, district, kommun)</source>
      <translation>Områdestyp (deso, regso, district, kommun)</translation>
    </message>
    <message>
      <source>Layer, file or WFS URL</source>
      <translation>Lager, fil eller WFS-adress</translation>
    </message>
    <message>
      <source>Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;All files (*)</source>
      <translation>Geodata (*.gpkg *.shp *.geojson *.json *.gml *.fgb);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Layer name (e.g. DeSO_2025 or stat:DeSO_2025)</source>
      <translation>Lagernamn (t.ex. DeSO_2025 eller stat:DeSO_2025)</translation>
    </message>
    <message>
      <source>Code field (e.g. desokod)</source>
      <translation>Kodfält (t.ex. desokod)</translation>
    </message>
    <message>
      <source>Name field</source>
      <translation>Namnfält</translation>
    </message>
    <message>
      <source>Municipality (code or name)</source>
      <translation>Kommun (kod eller namn)</translation>
    </message>
    <message>
      <source>Population per area (CSV/xlsx)</source>
      <translation>Befolkning per område (CSV/xlsx)</translation>
    </message>
    <message>
      <source>Tables (*.csv *.txt *.xlsx);;All files (*)</source>
      <translation>Tabeller (*.csv *.txt *.xlsx);;Alla filer (*)</translation>
    </message>
    <message>
      <source>The layer '{layer}' ({provider}) cannot be read here: choose a file or a WFS URL.</source>
      <translation>Lagret '{layer}' ({provider}) kan inte läsas här: välj en fil eller en WFS-adress.</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>Oförändrade</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Avvisade</translation>
    </message>
    <message>
      <source>Without population</source>
      <translation>Utan befolkning</translation>
    </message>
    <message>
      <source>Areas in the store</source>
      <translation>Områden i databasen</translation>
    </message>
    <message>
      <source>Import measures (CSV)</source>
      <translation>Importera åtgärder (CSV)</translation>
    </message>
    <message>
      <source>Export measures (CSV)</source>
      <translation>Exportera åtgärder (CSV)</translation>
    </message>
    <message>
      <source>Every measure in the store as a CSV for Excel (UTF-8, ';'), with the latest evaluation; Import measures reads it back. Internal: it holds the notes.</source>
      <translation>Alla åtgärder i lagret som CSV för Excel (UTF-8, ';'), med den senaste utvärderingen; Importera åtgärder läser tillbaka den. Intern: den innehåller anteckningarna.</translation>
    </message>
    <message>
      <source>Measures from a CSV or Excel file, one row each (';' or ',', UTF-8 or Windows-1252). Columns (Swedish or English names): id, titel, typ, status, start, slut, ansvarig, kategorier, anteckningar, kommunkod, and the place as wkt (SWEREF 99 TM) or x and y. A row with a known id updates that measure. Rows that cannot be taken are counted and kept in rejected with the reason; the file written by Export measures reads back as it is.</source>
      <translation>Åtgärder från en CSV- eller Excelfil, en rad var (';' eller ',', UTF-8 eller Windows-1252). Kolumner (svenska eller engelska namn): id, titel, typ, status, start, slut, ansvarig, kategorier, anteckningar, kommunkod, och platsen som wkt (SWEREF 99 TM) eller x och y. En rad med ett känt id uppdaterar den åtgärden. Rader som inte kan tas emot räknas och sparas bland avvisade med orsaken; filen som Exportera åtgärder skriver läses tillbaka som den är.</translation>
    </message>
    <message>
      <source>CSV or Excel file</source>
      <translation>CSV- eller Excelfil</translation>
    </message>
    <message>
      <source>CSV file</source>
      <translation>CSV-fil</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <source>{new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
      <translation>{new} nya, {updated} uppdaterade, {unchanged} oförändrade, {rejected} avvisade</translation>
    </message>
    <message>
      <source>Measures written</source>
      <translation>Skrivna åtgärder</translation>
    </message>
    <message>
      <source>Import police data</source>
      <translation>Importera polisdata</translation>
    </message>
    <message>
      <source>Police events from polisen.se (saved responses, archives .json/.json.gz, or INPUT=live to fetch them directly) and geocoded crime exports (CSV, .xlsx or GeoJSON with crime type or crime code, date and time, coordinates in SWEREF 99 TM or WGS 84, and place type).

The events from polisen.se give only the municipality (or the county), never the place: they are stored with location precision 'kommun' (or 'område' when the summary names an area in the municipality) and shown as counts per municipality or area, never as points. Summaries and notices are not events and are saved in the table rejected with the reason. Fetching directly: at least 10 s between calls and at most 60 an hour; repeated fetches build up a history (the feed shows only the latest 500).

KOMMUN: name or code (e.g. Nässjö or 0682); empty = the whole country.

Crime exports: only crimes in public places are taken in (a rule per place type in resources/police/place_types.json); crime types and codes are mapped in resources/police/event_types.json.</source>
      <translation>Polisens händelser från polisen.se (sparade svar, arkiv .json/.json.gz, eller INPUT=live för att hämta direkt) och geokodade brottsexporter (CSV, .xlsx eller GeoJSON med brottstyp eller brottskod, datum och tid, koordinater i SWEREF 99 TM eller WGS 84 och platstyp).

Händelserna från polisen.se anger bara kommunen (eller länet), aldrig platsen: de lagras med platsnoggrannhet 'kommun' (eller 'område' när sammanfattningen nämner ett område i kommunen) och visas som antal per kommun eller område, aldrig som punkter. Sammanfattningar och notiser är inga händelser och sparas i tabellen rejected med orsak. Direkthämtning: minst 10 s mellan anropen och högst 60 i timmen; upprepade hämtningar bygger en historik (flödet visar bara de senaste 500).

KOMMUN: namn eller kod (t.ex. Nässjö eller 0682); tomt = hela landet.

Brottsexporter: bara brott på allmän plats tas med (regel per platstyp i resources/police/place_types.json); brottstyper och koder mappas i resources/police/event_types.json.</translation>
    </message>
    <message>
      <source>Police API URL</source>
      <translation>Adress till polisens API</translation>
    </message>
    <message>
      <source>File, or 'live' for polisen.se</source>
      <translation>Fil, eller 'live' för polisen.se</translation>
    </message>
    <message>
      <source>Police events (*.json *.json.gz *.jsonl);;Crime export (*.csv *.xlsx *.geojson);;All files (*)</source>
      <translation>Polisens händelser (*.json *.json.gz *.jsonl);;Brottsexport (*.csv *.xlsx *.geojson);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Municipality (name or code)</source>
      <translation>Kommun (namn eller kod)</translation>
    </message>
    <message>
      <source>Summaries and notices</source>
      <translation>Sammanfattningar och notiser</translation>
    </message>
    <message>
      <source>Other municipalities</source>
      <translation>Andra kommuner</translation>
    </message>
    <message>
      <source>Police events in the store</source>
      <translation>Polisens händelser i databasen</translation>
    </message>
    <message>
      <source>Import safety survey</source>
      <translation>Importera trygghetsmätning</translation>
    </message>
    <message>
      <source>Results of the safety survey per area and question (CSV or .xlsx): either index values (the police's problem index 0–6, share feeling unsafe, respondents) or answer distributions per answer option, which are converted to indexes and shares with the weights in resources/survey_weights.json. Several surveys (years) can be in the same file. Area codes that are not among the areas are rejected with the reason and listed. PLACES (or INPUT) can be a point layer of places marked as unsafe, with the reason.

SURVEY: the survey's name or year (used when the file has no column undersökning).

After the import, perceived insecurity (mean index per area) is compared with reports per 1,000 inhabitants during the 12 months before the survey (FIELDWORK, by default 1 September of the survey year).</source>
      <translation>Resultat från trygghetsmätningen per område och fråga (CSV eller .xlsx): antingen indexvärden (polisens problemindex 0–6, andel otrygga, svarande) eller svarsfördelningar per svarsalternativ, som räknas om till index och andelar med vikterna i resources/survey_weights.json. Flera mätningar (år) kan ligga i samma fil. Områdeskoder som inte finns bland områdena avvisas med orsak och listas. PLACES (eller INPUT) kan vara ett punktlager med platser som markerats som otrygga, med orsak.

SURVEY: mätningens namn eller år (används när filen saknar kolumnen undersökning).

Efter importen jämförs upplevd otrygghet (medelindex per område) med rapporter per 1 000 invånare under de 12 månaderna före mätningen (FIELDWORK, standard 1 september mätåret).</translation>
    </message>
    <message>
      <source>Fieldwork date (YYYY-MM-DD)</source>
      <translation>Mätdatum (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
      <source>Results (CSV/xlsx) or places marked unsafe</source>
      <translation>Resultat (CSV/xlsx) eller otrygga platser</translation>
    </message>
    <message>
      <source>Results (*.csv *.txt *.xlsx);;Places (*.geojson *.gpkg *.shp);;All files (*)</source>
      <translation>Resultat (*.csv *.txt *.xlsx);;Platser (*.geojson *.gpkg *.shp);;Alla filer (*)</translation>
    </message>
    <message>
      <source>Survey (name or year)</source>
      <translation>Mätning (namn eller år)</translation>
    </message>
    <message>
      <source>Places marked unsafe (points)</source>
      <translation>Otrygga platser (punkter)</translation>
    </message>
    <message>
      <source>Points (*.geojson *.gpkg *.shp);;All files (*)</source>
      <translation>Punkter (*.geojson *.gpkg *.shp);;Alla filer (*)</translation>
    </message>
    <message>
      <source>New unsafe places</source>
      <translation>Nya otrygga platser</translation>
    </message>
    <message>
      <source>Surveys</source>
      <translation>Mätningar</translation>
    </message>
    <message>
      <source>Unknown area codes</source>
      <translation>Okända områdeskoder</translation>
    </message>
    <message>
      <source>Situation picture (PDF)</source>
      <translation>Lägesbild (PDF)</translation>
    </message>
    <message>
      <source>Writes the internal situation picture for a 14-day period as a PDF: a map with incidents and hot spots, a zoom on the main town, key figures against the previous period and a year earlier (significant changes marked), places, weekday × hour, trend, the reporters' activity and the police's incidents. INTERNAL – holds exact locations.

PERIOD_END: the period's last day (YYYY-MM-DD); empty = the last complete period.</source>
      <translation>Skriver den interna lägesbilden för en 14-dagarsperiod som PDF: karta med händelser och hotspots, inzoomning på centralorten, nyckeltal mot föregående period och ett år tidigare (säkerställda förändringar markerade), platser, veckodag × timme, trend, rapportörernas aktivitet och polisens händelser. INTERNT – innehåller exakta platser.

PERIOD_END: periodens sista dag (ÅÅÅÅ-MM-DD); tom = den senaste hela perioden.</translation>
    </message>
    <message>
      <source>Last day of the period (YYYY-MM-DD)</source>
      <translation>Periodens sista dag (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
      <source>Page size</source>
      <translation>Pappersstorlek</translation>
    </message>
    <message>
      <source>Situation picture for {period} ({start} – {end})</source>
      <translation>Lägesbild för {period} ({start} – {end})</translation>
    </message>
    <message>
      <source>Make QGIS project</source>
      <translation>Skapa QGIS-projekt</translation>
    </message>
    <message>
      <source>Writes a QGIS project (.qgz) with the plugin's layers over the store, in SWEREF 99 TM.</source>
      <translation>Skriver ett QGIS-projekt (.qgz) med pluginets lager över databasen, i SWEREF 99 TM.</translation>
    </message>
    <message>
      <source>Project file</source>
      <translation>Projektfil</translation>
    </message>
    <message>
      <source>QGIS project (*.qgz)</source>
      <translation>QGIS-projekt (*.qgz)</translation>
    </message>
    <message>
      <source>Project written: {path} ({count} incidents)</source>
      <translation>Projekt skrivet: {path} ({count} händelser)</translation>
    </message>
    <message>
      <source>Sync reports</source>
      <translation>Synka rapporter</translation>
    </message>
    <message>
      <source>Fetches reports from the collection service into the store. New and changed reports are added or updated (by id); records that cannot be taken in are saved in the table rejected with the reason. An interrupted sync continues where it stopped. Reports that have disappeared from the source in a full fetch get the status 'deleted'.

SOURCE: oapif (OGC API – Features: URL and COLLECTION), open311 (GeoReport v2: URL) or file (FILE: CSV, Excel or GeoJSON). CONNECTION: the name of a connection saved in the sync panel (replaces the other source parameters). MAPPING: field mapping as JSON, e.g. {"id": "Ärende"}. FULL: fetch everything.</source>
      <translation>Hämtar rapporter från insamlingstjänsten till databasen. Nya och ändrade rapporter läggs till eller uppdateras (efter id); poster som inte kan tas emot sparas i tabellen rejected med orsak. En avbruten synk fortsätter där den slutade. Rapporter som försvunnit ur källan vid en hel hämtning får status 'deleted'.

SOURCE: oapif (OGC API – Features: URL och COLLECTION), open311 (GeoReport v2: URL) eller file (FILE: CSV, Excel eller GeoJSON). CONNECTION: namnet på en anslutning sparad i synkpanelen (ersätter de andra källparametrarna). MAPPING: fältmappning som JSON, t.ex. {"id": "Ärende"}. FULL: hämta allt.</translation>
    </message>
    <message>
      <source>Source type (oapif, open311, file)</source>
      <translation>Källtyp (oapif, open311, file)</translation>
    </message>
    <message>
      <source>Service URL</source>
      <translation>Tjänstens adress</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Samling</translation>
    </message>
    <message>
      <source>Export file</source>
      <translation>Exportfil</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Autentisering</translation>
    </message>
    <message>
      <source>Saved connection</source>
      <translation>Sparad anslutning</translation>
    </message>
    <message>
      <source>Fetch everything (full sync)</source>
      <translation>Hämta allt (full synk)</translation>
    </message>
    <message>
      <source>Field mapping (JSON)</source>
      <translation>Fältmappning (JSON)</translation>
    </message>
    <message>
      <source>Allow unencrypted http</source>
      <translation>Tillåt okrypterad http</translation>
    </message>
    <message>
      <source>Records per page</source>
      <translation>Poster per sida</translation>
    </message>
    <message>
      <source>History from (YYYY-MM-DD, Open311)</source>
      <translation>Historik från (ÅÅÅÅ-MM-DD, Open311)</translation>
    </message>
    <message>
      <source>Follow links to other addresses (without credentials)</source>
      <translation>Följ länkar till andra adresser (utan inloggningsuppgifter)</translation>
    </message>
    <message>
      <source>The source's category words (JSON), e.g. {"Graffiti Removal": "klotter"}</source>
      <translation>Källans egna kategoriord (JSON), t.ex. {"Graffiti Removal": "klotter"}</translation>
    </message>
    <message>
      <source>Times without a zone: utc or stockholm (empty: UTC for services, Swedish time for files)</source>
      <translation>Tider utan tidszon: utc eller stockholm (tomt: UTC för tjänster, svensk tid för filer)</translation>
    </message>
    <message>
      <source>Time limit for the sync (minutes, 0 = none)</source>
      <translation>Tidsgräns för synken (minuter, 0 = ingen)</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>Databas</translation>
    </message>
    <message>
      <source>MAPPING must be a JSON object, e.g. {"id": "Ärende"}.</source>
      <translation>MAPPING ska vara ett JSON-objekt, t.ex. {"id": "Ärende"}.</translation>
    </message>
    <message>
      <source>Deleted at the source</source>
      <translation>Borttagna i källan</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Totalt</translation>
    </message>
    <message>
      <source>New measures</source>
      <translation>Nya åtgärder</translation>
    </message>
    <message>
      <source>Updated measures</source>
      <translation>Ändrade åtgärder</translation>
    </message>
    <message>
      <source>ALIASES must be a JSON object, e.g. {"Graffiti Removal": "klotter"}.</source>
      <translation>ALIASES måste vara ett JSON-objekt, t.ex. {"Graffiti Removal": "klotter"}.</translation>
    </message>
    <message>
      <source>Unknown source type '{source}': choose oapif, open311 or file.</source>
      <translation>Okänd källtyp '{source}': välj oapif, open311 eller file.</translation>
    </message>
    <message>
      <source>Page {page}: {records} records</source>
      <translation>Sida {page}: {records} poster</translation>
    </message>
    <message>
      <source>MAPPING is not valid JSON: {error}</source>
      <translation>MAPPING är inte giltig JSON: {error}</translation>
    </message>
    <message>
      <source>ALIASES is not valid JSON: {error}</source>
      <translation>ALIASES är inte giltig JSON: {error}</translation>
    </message>
    <message>
      <source>Unusual now</source>
      <translation>Ovanligt just nu</translation>
    </message>
    <message>
      <source>Gi* (Hot spots) answers another question: where incidents concentrate, compared with the rest of the kommun.</source>
      <translation>Gi* (Hotspots) svarar på en annan fråga: var händelserna koncentreras, jämfört med resten av kommunen.</translation>
    </message>
    <message>
      <source>Clusters</source>
      <translation>Kluster</translation>
    </message>
    <message>
      <source>Earlier periods with incidents</source>
      <translation>Tidigare perioder med händelser</translation>
    </message>
    <message>
      <source>Finds places where there are more incidents this period than the place's own history makes expected. Each hexagon with its six neighbours (a window of seven cells) is compared with its share of the kommun's incidents in up to three years of earlier periods of the same length (the same time of year weighted up), times the period's total; counts are negative binomial with one overdispersion estimated from the history. The p-value is the upper tail; Benjamini–Hochberg over all windows (5 % false discovery rate) corrects for the many places compared, and a window needs at least {min} incidents. Flagged windows that touch are merged into clusters: the output has one polygon per cluster (the cells that hold more incidents than expected) with count, expected, ratio, p and q. With less than a year of history nothing is flagged.</source>
      <translation>Hittar platser där det är fler händelser den här perioden än platsens egen historia gör väntat. Varje hexagon med sina sex grannar (ett fönster på sju celler) jämförs med sin andel av kommunens händelser under upp till tre år av tidigare perioder av samma längd (samma tid på året väger tyngre), gånger periodens totala antal; antalen är negativt binomialfördelade med en överspridning som skattas ur historiken. p-värdet är den övre svansen; Benjamini–Hochberg över alla fönster (5 % falsk upptäcktsandel) korrigerar för de många platser som jämförs, och ett fönster behöver minst {min} händelser. Flaggade fönster som rör vid varandra slås ihop till kluster: resultatet har en polygon per kluster (de celler som har fler händelser än väntat) med antal, väntat, kvot, p och q. Med mindre än ett års historik flaggas ingenting.</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Analysis</source>
      <translation>Analys</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Karta</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Rapporter</translation>
    </message>
    <message>
      <source>Store (GeoPackage file or PostGIS)</source>
      <translation>Databas (GeoPackage-fil eller PostGIS)</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Avbrutet.</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <source>Hexagon size (m)</source>
      <translation>Hexagonstorlek (m)</translation>
    </message>
    <message>
      <source>Own template (.qpt)</source>
      <translation>Egen mall (.qpt)</translation>
    </message>
    <message>
      <source>Name of the municipality</source>
      <translation>Kommunens namn</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Sidor</translation>
    </message>
    <message>
      <source>{pdf} ({pages} pages)</source>
      <translation>{pdf} ({pages} sidor)</translation>
    </message>
  </context>
  <context>
    <name>Measures</name>
    <message>
      <source>Nothing is selected: select hot spot cells or unusual clusters on the map first.</source>
      <translation>Inget är markerat: markera hotspotceller eller ovanliga kluster på kartan först.</translation>
    </message>
    <message>
      <source>Choose at least one area.</source>
      <translation>Välj minst ett område.</translation>
    </message>
    <message>
      <source>None of the chosen areas is in the store.</source>
      <translation>Inget av de valda områdena finns i databasen.</translation>
    </message>
    <message>
      <source>No measure has the id {ids}.</source>
      <translation>Ingen åtgärd har id {ids}.</translation>
    </message>
    <message>
      <source>The measure ends ({end}) before it starts ({start}).</source>
      <translation>Åtgärden slutar ({end}) innan den börjar ({start}).</translation>
    </message>
    <message>
      <source>The measure's geometry is empty or unreadable.</source>
      <translation>Åtgärdens geometri är tom eller oläslig.</translation>
    </message>
    <message>
      <source>A measure needs a title.</source>
      <translation>En åtgärd behöver en titel.</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Slut</translation>
    </message>
    <message>
      <source>A measure that has started needs a start date.</source>
      <translation>En åtgärd som har börjat behöver ett startdatum.</translation>
    </message>
    <message>
      <source>A finished measure needs an end date.</source>
      <translation>En avslutad åtgärd behöver ett slutdatum.</translation>
    </message>
    <message>
      <source>The features mix points, lines and polygons: choose features of one kind for a measure.</source>
      <translation>Objekten blandar punkter, linjer och ytor: välj objekt av ett slag för en åtgärd.</translation>
    </message>
    <message>
      <source>The measure has no place (geometry): it cannot be evaluated.</source>
      <translation>Åtgärden har ingen plats (geometri): den kan inte utvärderas.</translation>
    </message>
    <message>
      <source>The measure has no start date: it cannot be evaluated.</source>
      <translation>Åtgärden har inget startdatum: den kan inte utvärderas.</translation>
    </message>
    <message>
      <source>The geometry does not lie in Sweden in SWEREF 99 TM (EPSG:3006): {x:.0f}, {y:.0f}</source>
      <translation>Geometrin ligger inte i Sverige i SWEREF 99 TM (EPSG:3006): {x:.0f}, {y:.0f}</translation>
    </message>
    <message>
      <source>Unknown type of measure: {word}. Choose among: {known}.</source>
      <translation>Okänd typ av åtgärd: {word}. Välj bland: {known}.</translation>
    </message>
    <message>
      <source>Unknown status: {word}. Choose among: {known}.</source>
      <translation>Okänd status: {word}. Välj bland: {known}.</translation>
    </message>
    <message>
      <source>The municipality code must be four digits: {code}</source>
      <translation>Kommunkoden måste vara fyra siffror: {code}</translation>
    </message>
    <message>
      <source>The file needs at least the columns titel (title) and typ (type); it has: {columns}</source>
      <translation>Filen behöver minst kolumnerna titel och typ; den har: {columns}</translation>
    </message>
    <message>
      <source>{what} is not a date (YYYY-MM-DD): {text}</source>
      <translation>{what} är inte ett datum (ÅÅÅÅ-MM-DD): {text}</translation>
    </message>
    <message>
      <source>The geometry is not readable WKT: {text}</source>
      <translation>Geometrin är inte läsbar WKT: {text}</translation>
    </message>
    <message>
      <source>Could not write {path}: {error}</source>
      <translation>Kunde inte skriva {path}: {error}</translation>
    </message>
    <message>
      <source>The store has no incidents from a year before: no seasonal match.</source>
      <translation>Lagret har inga händelser från ett år före: ingen säsongsjämförelse.</translation>
    </message>
    <message>
      <source>The coordinates are not numbers: x={x}, y={y}</source>
      <translation>Koordinaterna är inte tal: x={x}, y={y}</translation>
    </message>
    <message>
      <source>Row {n}: the id {uid} is already used by an earlier row.</source>
      <translation>Rad {n}: id {uid} används redan av en tidigare rad.</translation>
    </message>
    <message>
      <source>The period after ends {day}: evaluate then.</source>
      <translation>Perioden efter slutar {day}: utvärdera då.</translation>
    </message>
    <message>
      <source>Row {n}: {reason}</source>
      <translation>Rad {n}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>Sources</name>
    <message>
      <source>The store has no kommun boundary, so reports outside the kommun are not rejected: import the areas (with the kommun) first.</source>
      <translation>Databasen har ingen kommungräns, så rapporter utanför kommunen avvisas inte: importera områdena (med kommunen) först.</translation>
    </message>
    <message>
      <source>No saved connection is called '{name}'.</source>
      <translation>Ingen sparad anslutning heter '{name}'.</translation>
    </message>
    <message>
      <source>union of the areas</source>
      <translation>unionen av områdena</translation>
    </message>
    <message>
      <source>The WFS could not be read: {error}.</source>
      <translation>WFS-tjänsten kunde inte läsas: {error}.</translation>
    </message>
    <message>
      <source>No input given.</source>
      <translation>Ingen indata angiven.</translation>
    </message>
    <message>
      <source>no code</source>
      <translation>saknar kod</translation>
    </message>
    <message>
      <source>population</source>
      <translation>befolkning</translation>
    </message>
    <message>
      <source>Areas ({kind}): {read} read, {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
      <translation>Områden ({kind}): {read} lästa, {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade.</translation>
    </message>
    <message>
      <source>The WFS answered with an error{code}: {detail}. Check the address and the layer name (e.g. stat:DeSO_2025).</source>
      <translation>WFS-tjänsten svarade med ett fel{code}: {detail}. Kontrollera adress och lagernamn (t.ex. stat:DeSO_2025).</translation>
    </message>
    <message>
      <source>no answer</source>
      <translation>inget svar</translation>
    </message>
    <message>
      <source>No areas found. Check the layer and the kommunkod.</source>
      <translation>Inga områden hittades. Kontrollera lager och kommunkod.</translation>
    </message>
    <message>
      <source>Give an input (a layer, a file or a WFS) or a population file.</source>
      <translation>Ange indata (lager, fil eller WFS) eller en befolkningsfil.</translation>
    </message>
    <message>
      <source>Pick the code field (CODE_FIELD); fields: {fields}.</source>
      <translation>Välj kodfält (CODE_FIELD); fält: {fields}.</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Avbrutet.</translation>
    </message>
    <message>
      <source>no geometry</source>
      <translation>saknar geometri</translation>
    </message>
    <message>
      <source>not a valid area (polygon)</source>
      <translation>inte en giltig yta (polygon)</translation>
    </message>
    <message>
      <source>outside Sweden (wrong coordinate system?)</source>
      <translation>ligger utanför Sverige (fel koordinatsystem?)</translation>
    </message>
    <message>
      <source>{file}: the population file needs a code column (e.g. desokod) and a population column (population/folkmängd); columns: {columns}.</source>
      <translation>{file}: befolkningsfilen behöver en kodkolumn (t.ex. desokod) och en befolkningskolumn (population/folkmängd); kolumner: {columns}.</translation>
    </message>
    <message>
      <source>the code matches no area</source>
      <translation>koden matchar inget område</translation>
    </message>
    <message>
      <source>Rejected: {reasons}.</source>
      <translation>Avvisade: {reasons}.</translation>
    </message>
    <message>
      <source>The kommun boundary {code} was made from the areas.</source>
      <translation>Kommungränsen {code} bildades av områdena.</translation>
    </message>
    <message>
      <source>{n} areas have no population (e.g. {codes}): give a population file to get rates per 1,000 inhabitants.</source>
      <translation>{n} områden saknar befolkning (t.ex. {codes}): ange en befolkningsfil för att få tal per 1 000 invånare.</translation>
    </message>
    <message>
      <source>Unknown codes in the population file: {codes}.</source>
      <translation>Okända koder i befolkningsfilen: {codes}.</translation>
    </message>
    <message>
      <source>The file does not exist: {path}</source>
      <translation>Filen finns inte: {path}</translation>
    </message>
    <message>
      <source>{name} could not be read as geodata: {error}</source>
      <translation>{name} kunde inte läsas som geodata: {error}</translation>
    </message>
    <message>
      <source>Pick a layer; layers: {layers}.</source>
      <translation>Välj ett lager; lager: {layers}.</translation>
    </message>
    <message>
      <source>No field '{field}'; fields: {fields}.</source>
      <translation>Fältet '{field}' finns inte; fält: {fields}.</translation>
    </message>
    <message>
      <source>could not be transformed to SWEREF 99 TM</source>
      <translation>kunde inte räknas om till SWEREF 99 TM</translation>
    </message>
    <message>
      <source>invalid population {value}</source>
      <translation>ogiltig befolkning {value}</translation>
    </message>
    <message>
      <source>No layer '{layer}'; layers: {layers}.</source>
      <translation>Lagret '{layer}' finns inte; lager: {layers}.</translation>
    </message>
    <message>
      <source>no code (field '{field}')</source>
      <translation>saknar kod (fältet '{field}')</translation>
    </message>
    <message>
      <source>unreadable count {value}</source>
      <translation>oläsbart antal {value}</translation>
    </message>
    <message>
      <source>the code {code} occurs twice with different values</source>
      <translation>koden {code} förekommer två gånger med olika värden</translation>
    </message>
    <message>
      <source>No areas found for kommunkod {code}. Check the layer and the kommunkod.</source>
      <translation>Inga områden hittades för kommunkod {code}. Kontrollera lager och kommunkod.</translation>
    </message>
    <message>
      <source>{label} could not be read: {error}</source>
      <translation>{label} kunde inte läsas: {error}</translation>
    </message>
    <message>
      <source>The authentication method {method} is not supported; use Basic (user name and password, or 'bearer'/'header:Name' with the key as the password).</source>
      <translation>Autentiseringsmetoden {method} stöds inte; använd Basic (användare och lösenord, eller 'bearer'/'header:Namn' med nyckeln som lösenord).</translation>
    </message>
    <message>
      <source>Default (services: UTC, files: Swedish time)</source>
      <translation>Standard (tjänster: UTC, filer: svensk tid)</translation>
    </message>
    <message>
      <source>UTC</source>
      <translation>UTC</translation>
    </message>
    <message>
      <source>Swedish time</source>
      <translation>svensk tid</translation>
    </message>
    <message>
      <source>Export file (CSV, Excel, GeoJSON)</source>
      <translation>Exportfil (CSV, Excel, GeoJSON)</translation>
    </message>
    <message>
      <source>The address holds a user name or password. Remove them and choose an authentication config instead.</source>
      <translation>Adressen innehåller användarnamn/lösenord. Ta bort dem och välj en autentisering i stället.</translation>
    </message>
    <message>
      <source>Give the connection a name.</source>
      <translation>Ge anslutningen ett namn.</translation>
    </message>
    <message>
      <source>The source name must not be empty or contain ':'.</source>
      <translation>Källnamnet får inte vara tomt eller innehålla ':'.</translation>
    </message>
    <message>
      <source>Choose a collection (Fetch collections).</source>
      <translation>Välj en samling (Hämta samlingar).</translation>
    </message>
    <message>
      <source>Choose an export file.</source>
      <translation>Välj en exportfil.</translation>
    </message>
    <message>
      <source>Unknown type '{kind}': choose oapif, open311 or file.</source>
      <translation>Okänd typ '{kind}': välj oapif, open311 eller file.</translation>
    </message>
    <message>
      <source>Times without a zone: choose utc or stockholm, not '{value}'.</source>
      <translation>Tider utan tidszon: välj utc eller stockholm, inte '{value}'.</translation>
    </message>
    <message>
      <source>Line {number} is not 'the source's word = a category': {line}</source>
      <translation>Rad {number} är inte 'källans ord = en kategori': {line}</translation>
    </message>
    <message>
      <source>The address holds a key ('{key}='). Remove it and put the key in an authentication config (user 'header:Name' or 'bearer').</source>
      <translation>Adressen innehåller en nyckel ('{key}='). Ta bort den och lägg nyckeln i en autentisering (användare 'header:Namn' eller 'bearer').</translation>
    </message>
    <message>
      <source>'{word} = {target}': no category is called '{target}'.</source>
      <translation>'{word} = {target}': ingen kategori heter '{target}'.</translation>
    </message>
    <message>
      <source>Invalid start date '{date}'.</source>
      <translation>Ogiltigt startdatum '{date}'.</translation>
    </message>
    <message>
      <source>no coordinates</source>
      <translation>saknar koordinater</translation>
    </message>
    <message>
      <source>The file has not changed since the last import.</source>
      <translation>Filen är oförändrad sedan förra importen.</translation>
    </message>
    <message>
      <source>Coordinates: {found}.</source>
      <translation>Koordinater: {found}.</translation>
    </message>
    <message>
      <source>the coordinate ({a}, {b}) is neither lat/lon nor SWEREF 99 TM within Sweden</source>
      <translation>koordinaten ({a}, {b}) är varken lat/lon eller SWEREF 99 TM inom Sverige</translation>
    </message>
    <message>
      <source>the coordinate ({a}, {b}) looks like RT 90, not SWEREF 99 TM: export in SWEREF 99 TM or WGS 84</source>
      <translation>koordinaten ({a}, {b}) ser ut som RT 90, inte SWEREF 99 TM: exportera i SWEREF 99 TM eller WGS 84</translation>
    </message>
    <message>
      <source>coordinates (Lat/Lon or N/E)</source>
      <translation>koordinater (Lat/Lon eller N/E)</translation>
    </message>
    <message>
      <source>unreadable geometry</source>
      <translation>oläsbar geometri</translation>
    </message>
    <message>
      <source>{count} rows had the coordinates in reverse order (corrected).</source>
      <translation>{count} rader hade koordinaterna i omvänd ordning (rättat).</translation>
    </message>
    <message>
      <source>{name}: the file type {suffix} is not supported; use CSV, Excel (.xlsx) or GeoJSON.</source>
      <translation>{name}: filtypen {suffix} stöds inte; använd CSV, Excel (.xlsx) eller GeoJSON.</translation>
    </message>
    <message>
      <source>{name} has no columns for: {missing}. Its columns are: {columns}. Set them in the field mapping.</source>
      <translation>{name} saknar kolumner för: {missing}. Kolumnerna är: {columns}. Ange dem i fältmappningen.</translation>
    </message>
    <message>
      <source>the row could not be read</source>
      <translation>raden kunde inte läsas</translation>
    </message>
    <message>
      <source>{count} identical rows were read once.</source>
      <translation>{count} exakt likadana rader lästes en gång.</translation>
    </message>
    <message>
      <source>unreadable coordinate ({a}, {b})</source>
      <translation>oläsbar koordinat ({a}, {b})</translation>
    </message>
    <message>
      <source>{name} is not a GeoJSON FeatureCollection.</source>
      <translation>{name} är ingen GeoJSON FeatureCollection.</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(ingen)</translation>
    </message>
    <message>
      <source>{name} is nested too deeply to be read.</source>
      <translation>{name} är för djupt nästlad för att kunna läsas.</translation>
    </message>
    <message>
      <source>{name} is not valid GeoJSON: {error}</source>
      <translation>{name} är inte giltig GeoJSON: {error}</translation>
    </message>
    <message>
      <source>not a GeoJSON feature</source>
      <translation>inte ett GeoJSON-objekt</translation>
    </message>
    <message>
      <source>The server at {url} took longer than {seconds} s to answer (it sends too slowly, or not at all); the sync stops here and continues next time.</source>
      <translation>Servern på {url} tog längre än {seconds} s på sig att svara (den skickar för långsamt eller inte alls); synken stannar här och fortsätter nästa gång.</translation>
    </message>
    <message>
      <source>The answer from {url} is larger than {mb} MB; ask for smaller pages (records per page) or raise the limit for the connection.</source>
      <translation>Svaret från {url} är större än {mb} MB; begär mindre sidor (poster per sida) eller höj gränsen för anslutningen.</translation>
    </message>
    <message>
      <source>Too many redirects from {url}.</source>
      <translation>För många omdirigeringar från {url}.</translation>
    </message>
    <message>
      <source>The server sends the sync on to another address ({target}); the credentials are only sent to {origin}, so it stops here. Allow other addresses (without credentials) for the connection if that is expected.</source>
      <translation>Servern skickar synken vidare till en annan adress ({target}); inloggningsuppgifterna skickas bara till {origin}, så synken stannar här. Tillåt andra adresser (utan inloggningsuppgifter) för anslutningen om det är väntat.</translation>
    </message>
    <message>
      <source>Not a valid URL: {url}. Give one that starts with https://.</source>
      <translation>Ogiltig adress: {url}. Ange en adress som börjar med https://.</translation>
    </message>
    <message>
      <source>Plain http is not used for {host}: use https, or allow http explicitly for the connection.</source>
      <translation>Okrypterad http används inte för {host}: använd https, eller tillåt http uttryckligen för anslutningen.</translation>
    </message>
    <message>
      <source>{url} requires a login (401): choose an authentication config with valid credentials.</source>
      <translation>Inloggning krävs för {url} (401): välj en autentisering med giltiga uppgifter.</translation>
    </message>
    <message>
      <source>Access to {url} denied (403): the account lacks permission.</source>
      <translation>Åtkomst nekad till {url} (403): kontot saknar behörighet.</translation>
    </message>
    <message>
      <source>Not found (404): {url}. Check the address and the collection.</source>
      <translation>Hittades inte (404): {url}. Kontrollera adress och samling.</translation>
    </message>
    <message>
      <source>The server limits the number of requests (429) for {url}; try again later.</source>
      <translation>Servern begränsar antalet anrop (429) för {url}; försök senare.</translation>
    </message>
    <message>
      <source>Server error {status} from {url}; try again later.</source>
      <translation>Serverfel {status} från {url}; försök senare.</translation>
    </message>
    <message>
      <source>The server answered {status} for {url}{detail}</source>
      <translation>Servern svarade {status} för {url}{detail}</translation>
    </message>
    <message>
      <source>{url} answered with a web page (HTML), not JSON: perhaps a login page or a wrong address.</source>
      <translation>{url} svarade med en webbsida (HTML), inte JSON: kanske en inloggningssida eller fel adress.</translation>
    </message>
    <message>
      <source>{url} redirects to unencrypted http ({target}); that is never followed.</source>
      <translation>{url} omdirigerar till okrypterad http ({target}); det följs aldrig.</translation>
    </message>
    <message>
      <source>The answer from {url} was cut off.</source>
      <translation>Svaret från {url} bröts av.</translation>
    </message>
    <message>
      <source>The TLS certificate of {url} could not be verified.</source>
      <translation>TLS-certifikatet för {url} kunde inte verifieras.</translation>
    </message>
    <message>
      <source>Could not connect to {url}.</source>
      <translation>Kunde inte ansluta till {url}.</translation>
    </message>
    <message>
      <source>The server did not answer in time: {url}.</source>
      <translation>Servern svarade inte i tid: {url}.</translation>
    </message>
    <message>
      <source>The server still answers with an error after retries: {url}.</source>
      <translation>Servern svarar med fel även efter nya försök: {url}.</translation>
    </message>
    <message>
      <source>Fetching {url} failed: {error}</source>
      <translation>Fel vid hämtning av {url}: {error}</translation>
    </message>
    <message>
      <source>The answer from {url} is nested too deeply to be read.</source>
      <translation>Svaret från {url} är för djupt nästlat för att kunna läsas.</translation>
    </message>
    <message>
      <source>The answer from {url} is not valid JSON (a cut-off or broken answer).</source>
      <translation>Svaret från {url} är inte giltig JSON (avbrutet eller trasigt svar).</translation>
    </message>
    <message>
      <source>The host name in {url} was not found (DNS). Check the address.</source>
      <translation>Servernamnet i {url} hittades inte (DNS). Kontrollera adressen.</translation>
    </message>
    <message>
      <source>The server refused the connection: {url}. Is the service running?</source>
      <translation>Servern vägrade anslutning: {url}. Är tjänsten igång?</translation>
    </message>
    <message>
      <source>A kommun code is exactly four digits 0–9, e.g. 0682 (got {code}).</source>
      <translation>En kommunkod är exakt fyra siffror 0–9, t.ex. 0682 (fick {code}).</translation>
    </message>
    <message>
      <source>No kommun is named '{name}'.{hint} Give a name or a code (e.g. 0682).</source>
      <translation>Ingen kommun heter '{name}'.{hint} Ange namn eller kod (t.ex. 0682).</translation>
    </message>
    <message>
      <source>No kommun has the code {code}.</source>
      <translation>Kommunkoden {code} finns inte.</translation>
    </message>
    <message>
      <source>Did you mean: {names}?</source>
      <translation>Menade du: {names}?</translation>
    </message>
    <message>
      <source>deleted at the source</source>
      <translation>borttagen i källan</translation>
    </message>
    <message>
      <source>no type of measure (the subcategory names none)</source>
      <translation>ingen typ av åtgärd (underkategorin anger ingen)</translation>
    </message>
    <message>
      <source>finished, but the record says no day it ended</source>
      <translation>avslutad, men posten anger ingen dag då den slutade</translation>
    </message>
    <message>
      <source>a measure that cannot be taken: {reason}</source>
      <translation>en åtgärd som inte kan tas emot: {reason}</translation>
    </message>
    <message>
      <source>unknown status '{word}' (known: {known})</source>
      <translation>okänd status '{word}' (kända: {known})</translation>
    </message>
    <message>
      <source>unknown type of measure '{word}' (known: {known})</source>
      <translation>okänd typ av åtgärd '{word}' (kända: {known})</translation>
    </message>
    <message>
      <source>it ends ({end}) before it starts ({start})</source>
      <translation>den slutar ({end}) innan den börjar ({start})</translation>
    </message>
    <message>
      <source>The server sends the same page over and over (the next link points back).</source>
      <translation>Servern skickar samma sida om och om igen (next-länken pekar bakåt).</translation>
    </message>
    <message>
      <source>{url} does not look like an OGC API Features service (no list of collections).</source>
      <translation>{url} ser inte ut som en OGC API Features-tjänst (ingen lista över samlingar).</translation>
    </message>
    <message>
      <source>The answer for the collection '{collection}' is not a GeoJSON FeatureCollection.</source>
      <translation>Svaret för samlingen '{collection}' är ingen GeoJSON FeatureCollection.</translation>
    </message>
    <message>
      <source>The server sends the same records again on another page ({url}); its paging goes round in a loop, so the sync stops here.</source>
      <translation>Servern skickar samma rapporter igen på en annan sida ({url}); dess sidindelning går runt i en slinga, så synken stannar här.</translation>
    </message>
    <message>
      <source>The server keeps sending pages beyond the {matched} records it says it has; the sync stops here.</source>
      <translation>Servern fortsätter skicka sidor utöver de {matched} poster den säger att den har; synken stannar här.</translation>
    </message>
    <message>
      <source>not an Open311 service request</source>
      <translation>inte ett Open311-ärende</translation>
    </message>
    <message>
      <source>{url} is not a list of services: is this an Open311 address?</source>
      <translation>{url} är ingen lista över tjänster: är det en Open311-adress?</translation>
    </message>
    <message>
      <source>The answer from {url} is not a list of service requests.</source>
      <translation>Svaret från {url} är ingen lista över ärenden.</translation>
    </message>
    <message>
      <source>More than {count} requests within one minute ({time}); the server gives no more.</source>
      <translation>Fler än {count} ärenden inom en minut ({time}); servern ger inte fler.</translation>
    </message>
    <message>
      <source>The coordinates are not recognised as SWEREF 99 TM or WGS 84 in Sweden.</source>
      <translation>Koordinaterna känns inte igen som SWEREF 99 TM eller WGS 84 i Sverige.</translation>
    </message>
    <message>
      <source>The coordinates look like RT 90, which is not supported: export them in SWEREF 99 TM or WGS 84.</source>
      <translation>Koordinaterna ser ut att vara RT 90, som inte stöds: exportera i SWEREF 99 TM eller WGS 84.</translation>
    </message>
    <message>
      <source>crime code or crime type</source>
      <translation>brottskod eller brottstyp</translation>
    </message>
    <message>
      <source>date (and time)</source>
      <translation>datum (och tid)</translation>
    </message>
    <message>
      <source>coordinates (e.g. X and Y, N and E, lat and lon)</source>
      <translation>koordinater (t.ex. X och Y, N och E, lat och lon)</translation>
    </message>
    <message>
      <source>place type (to pick out public space)</source>
      <translation>platstyp (för att välja ut allmän plats)</translation>
    </message>
    <message>
      <source>Crime export: {read} rows, {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected (of which {not_public} not in public space). Coordinates: {system}.</source>
      <translation>Brottsexport: {read} rader, {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade (varav {not_public} inte på allmän plats). Koordinater: {system}.</translation>
    </message>
    <message>
      <source>unreadable coordinate</source>
      <translation>oläsbar koordinat</translation>
    </message>
    <message>
      <source>no coordinates or outside Sweden</source>
      <translation>saknar koordinater eller ligger utanför Sverige</translation>
    </message>
    <message>
      <source>the location is outside the kommun</source>
      <translation>platsen ligger utanför kommunen</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>saknar datum</translation>
    </message>
    <message>
      <source>'unknown' must be reject, public or not_public</source>
      <translation>'unknown' ska vara reject, public eller not_public</translation>
    </message>
    <message>
      <source>{file} could not be read as GeoJSON.</source>
      <translation>{file} kunde inte läsas som GeoJSON.</translation>
    </message>
    <message>
      <source>{file}: columns missing: {missing}. Columns in the file: {columns}.</source>
      <translation>{file}: kolumner saknas: {missing}. Kolumner i filen: {columns}.</translation>
    </message>
    <message>
      <source>{empty} empty rows and {duplicates} duplicates were skipped.</source>
      <translation>{empty} tomma rader och {duplicates} dubbletter hoppades över.</translation>
    </message>
    <message>
      <source>Unknown crime types were added as Other: {types}.</source>
      <translation>Okända brottstyper lades som Övrigt: {types}.</translation>
    </message>
    <message>
      <source>row {number}: {reason}</source>
      <translation>rad {number}: {reason}</translation>
    </message>
    <message>
      <source>not public space (place type '{place}')</source>
      <translation>inte allmän plats (platstyp '{place}')</translation>
    </message>
    <message>
      <source>unknown place type '{place}': add it to place_types.json</source>
      <translation>okänd platstyp '{place}': lägg till den i place_types.json</translation>
    </message>
    <message>
      <source>the coordinate is in {system} but the rest of the file in {file_system}</source>
      <translation>koordinaten är i {system} men filen i övrigt i {file_system}</translation>
    </message>
    <message>
      <source>id {id} occurs more than once in the file</source>
      <translation>id {id} förekommer flera gånger i filen</translation>
    </message>
    <message>
      <source>{file} could not be read: {error}.</source>
      <translation>{file} kunde inte läsas: {error}.</translation>
    </message>
    <message>
      <source>unreadable time {value}</source>
      <translation>oläsbar tid {value}</translation>
    </message>
    <message>
      <source>{file} could not be read: {error}. Correct the file or restore it from the plugin.</source>
      <translation>{file} kunde inte läsas: {error}. Rätta filen eller återställ den från pluginet.</translation>
    </message>
    <message>
      <source>kommun</source>
      <translation>kommun</translation>
    </message>
    <message>
      <source>area</source>
      <translation>område</translation>
    </message>
    <message>
      <source>street</source>
      <translation>gata</translation>
    </message>
    <message>
      <source>län</source>
      <translation>län</translation>
    </message>
    <message>
      <source>exact</source>
      <translation>exakt</translation>
    </message>
    <message>
      <source>The answer from polisen.se</source>
      <translation>Svaret från polisen.se</translation>
    </message>
    <message>
      <source>Police events: {read} read, {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected (of which {summaries} summaries/notices), {outside} in other kommuner. Location: {where}.</source>
      <translation>Polisens händelser: {read} lästa, {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade (varav {summaries} sammanfattningar/notiser), {outside} i andra kommuner. Plats: {where}.</translation>
    </message>
    <message>
      <source>not a police event (no JSON object)</source>
      <translation>inte en polishändelse (inget JSON-objekt)</translation>
    </message>
    <message>
      <source>no id</source>
      <translation>saknar id</translation>
    </message>
    <message>
      <source>no type</source>
      <translation>saknar typ</translation>
    </message>
    <message>
      <source>no time</source>
      <translation>saknar tid</translation>
    </message>
    <message>
      <source>{file} is empty.</source>
      <translation>{file} är tom.</translation>
    </message>
    <message>
      <source>{label} holds no list of police events (polisen.se/api/events).</source>
      <translation>{label} innehåller ingen lista med polishändelser (polisen.se/api/events).</translation>
    </message>
    <message>
      <source>Warning: the feed shows only the latest {page} events and the oldest (id {oldest}) is newer than the last one fetched (id {last}); events in between may be missing. Poll more often.</source>
      <translation>Varning: flödet visar bara de senaste {page} händelserna och den äldsta (id {oldest}) är nyare än den senast hämtade (id {last}); händelser däremellan kan saknas. Hämta oftare.</translation>
    </message>
    <message>
      <source>Unknown types were added as Other: {types}.</source>
      <translation>Okända typer lades som Övrigt: {types}.</translation>
    </message>
    <message>
      <source>Cannot read {file}: {error}</source>
      <translation>Kan inte läsa {file}: {error}</translation>
    </message>
    <message>
      <source>{file} is nested too deeply to be read.</source>
      <translation>{file} är för djupt nästlad för att kunna läsas.</translation>
    </message>
    <message>
      <source>{file} is not JSON (neither a list nor JSON Lines).</source>
      <translation>{file} är inte JSON (varken en lista eller JSON Lines).</translation>
    </message>
    <message>
      <source>line {line} is not JSON</source>
      <translation>rad {line} är inte JSON</translation>
    </message>
    <message>
      <source>unknown location '{place}'</source>
      <translation>okänd plats '{place}'</translation>
    </message>
    <message>
      <source>only the län is given ({lan}); the kommun is not clear</source>
      <translation>bara länet anges ({lan}); kommunen framgår inte</translation>
    </message>
    <message>
      <source>polisen.se allows at most {limit} calls an hour and the limit is reached; try again in {minutes} min.</source>
      <translation>polisen.se tillåter högst {limit} anrop i timmen och gränsen är nådd; försök igen om {minutes} min.</translation>
    </message>
    <message>
      <source>the record could not be read ({error})</source>
      <translation>posten kunde inte läsas ({error})</translation>
    </message>
    <message>
      <source>Waiting {seconds} s: polisen.se wants at least {interval} s between calls.</source>
      <translation>Väntar {seconds} s: polisen.se vill ha minst {interval} s mellan anropen.</translation>
    </message>
    <message>
      <source>The server answers: {n} services.</source>
      <translation>Servern svarar: {n} tjänster.</translation>
    </message>
    <message>
      <source>The server answers: the collection '{collection}' has {n} records.</source>
      <translation>Servern svarar: samlingen '{collection}' har {n} poster.</translation>
    </message>
    <message>
      <source>The server answers: the collection '{collection}' can be read.</source>
      <translation>Servern svarar: samlingen '{collection}' kan läsas.</translation>
    </message>
    <message>
      <source>{name} can be read: {n} fields.</source>
      <translation>{name} kan läsas: {n} fält.</translation>
    </message>
    <message>
      <source>{name} is not readable GeoJSON: {error}</source>
      <translation>{name} är inte läsbar GeoJSON: {error}</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Kategori</translation>
    </message>
    <message>
      <source>Subcategory</source>
      <translation>Underkategori</translation>
    </message>
    <message>
      <source>Occurred at</source>
      <translation>Händelsetid</translation>
    </message>
    <message>
      <source>Reported at</source>
      <translation>Rapporterad</translation>
    </message>
    <message>
      <source>Updated at</source>
      <translation>Ändrad</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Reporter's organisation</source>
      <translation>Rapportörens organisation</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Beskrivning</translation>
    </message>
    <message>
      <source>Reporter (pseudonymous id)</source>
      <translation>Rapportör (pseudonym)</translation>
    </message>
    <message>
      <source>id {id} occurs more than once in the same delivery (the first is kept)</source>
      <translation>id {id} förekommer mer än en gång i samma leverans (den första behålls)</translation>
    </message>
    <message>
      <source>{early} of {taken} reports seem reported before they occurred: perhaps the source's times without a zone are not in {zone}; check the connection's setting for times without a zone.</source>
      <translation>{early} av {taken} rapporter verkar rapporterade innan de inträffade: kanske är källans tider utan tidszon inte i {zone}; kontrollera anslutningens inställning för tider utan tidszon.</translation>
    </message>
    <message>
      <source>the location lies outside the kommun</source>
      <translation>platsen ligger utanför kommunen</translation>
    </message>
    <message>
      <source>(a record nested too deeply to show)</source>
      <translation>(en post för djupt nästlad för att visas)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(tom)</translation>
    </message>
    <message>
      <source>no id (field '{field}')</source>
      <translation>saknar id (fältet '{field}')</translation>
    </message>
    <message>
      <source>the coordinate lies outside Sweden ({x}, {y})</source>
      <translation>koordinaten ligger utanför Sverige ({x}, {y})</translation>
    </message>
    <message>
      <source>no time ('{field}')</source>
      <translation>saknar tidpunkt ('{field}')</translation>
    </message>
    <message>
      <source>unreadable time in '{field}': {value}</source>
      <translation>oläsbar tid i '{field}': {value}</translation>
    </message>
    <message>
      <source>the time in '{field}' is out of range: {value}</source>
      <translation>tiden i '{field}' ligger utanför det rimliga: {value}</translation>
    </message>
    <message>
      <source>the record could not be stored ({error})</source>
      <translation>posten kunde inte sparas ({error})</translation>
    </message>
    <message>
      <source>There are no areas in the store: import the areas first (trygghet:importareas).</source>
      <translation>Det finns inga områden i databasen: importera områdena först (trygghet:importareas).</translation>
    </message>
    <message>
      <source>survey (or set SURVEY)</source>
      <translation>undersökning (eller ange SURVEY)</translation>
    </message>
    <message>
      <source>negative count</source>
      <translation>negativt antal</translation>
    </message>
    <message>
      <source>Safety survey ({surveys}): {read} rows, {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
      <translation>Trygghetsmätning ({surveys}): {read} rader, {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade.</translation>
    </message>
    <message>
      <source>no survey name</source>
      <translation>saknar undersökning</translation>
    </message>
    <message>
      <source>no area</source>
      <translation>saknar område</translation>
    </message>
    <message>
      <source>no question</source>
      <translation>saknar fråga</translation>
    </message>
    <message>
      <source>the index value {value} is outside {low}–{high}</source>
      <translation>indexvärdet {value} ligger utanför {low}–{high}</translation>
    </message>
    <message>
      <source>the share {value} is outside 0–100 %</source>
      <translation>andelen {value} ligger utanför 0–100 %</translation>
    </message>
    <message>
      <source>invalid number of respondents {value}</source>
      <translation>ogiltigt antal svarande {value}</translation>
    </message>
    <message>
      <source>question</source>
      <translation>fråga</translation>
    </message>
    <message>
      <source>no index value</source>
      <translation>saknar indexvärde</translation>
    </message>
    <message>
      <source>no answers that count in the index (only 'don't know'?)</source>
      <translation>inga svar som räknas i index (bara 'vet ej'?)</translation>
    </message>
    <message>
      <source>no survey name (set SURVEY)</source>
      <translation>saknar undersökning (ange SURVEY)</translation>
    </message>
    <message>
      <source>no point geometry</source>
      <translation>saknar punktgeometri</translation>
    </message>
    <message>
      <source>the point is outside Sweden</source>
      <translation>punkten ligger utanför Sverige</translation>
    </message>
    <message>
      <source>the point is outside the kommun</source>
      <translation>punkten ligger utanför kommunen</translation>
    </message>
    <message>
      <source>Unknown area codes (not among the areas): {codes}.</source>
      <translation>Okända områdeskoder (finns inte bland områdena): {codes}.</translation>
    </message>
    <message>
      <source>Unsafe places: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected.</source>
      <translation>Otrygga platser: {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade.</translation>
    </message>
    <message>
      <source>the row is already there with other values ({survey}, {area}, {question})</source>
      <translation>raden finns redan med andra värden ({survey}, {area}, {question})</translation>
    </message>
    <message>
      <source>the area code '{code}' matches no area</source>
      <translation>områdeskoden '{code}' matchar inget område</translation>
    </message>
    <message>
      <source>{file}: neither an index column nor known answer options. Unknown columns: {columns}. Add the answer options to survey_weights.json.</source>
      <translation>{file}: varken en indexkolumn eller kända svarsalternativ. Okända kolumner: {columns}. Lägg till svarsalternativen i survey_weights.json.</translation>
    </message>
    <message>
      <source>{file}: the column with the count or share per answer option is missing.</source>
      <translation>{file}: kolumnen med antal eller andel per svarsalternativ saknas.</translation>
    </message>
    <message>
      <source>unreadable number {value}</source>
      <translation>oläsbart tal {value}</translation>
    </message>
    <message>
      <source>unknown answer option '{option}': add it to survey_weights.json</source>
      <translation>okänt svarsalternativ '{option}': lägg till det i survey_weights.json</translation>
    </message>
    <message>
      <source>id {id} occurs more than once</source>
      <translation>id {id} förekommer flera gånger</translation>
    </message>
    <message>
      <source>The source had no reports at all (asked for everything).</source>
      <translation>Källan hade inga rapporter alls (frågade efter allt).</translation>
    </message>
    <message>
      <source>complete</source>
      <translation>klar</translation>
    </message>
    <message>
      <source>stopped, resumes next time</source>
      <translation>avbruten, fortsätter nästa gång</translation>
    </message>
    <message>
      <source>full</source>
      <translation>full</translation>
    </message>
    <message>
      <source>incremental</source>
      <translation>inkrementell</translation>
    </message>
    <message>
      <source>The source had no reports from {start} to {end} (Swedish time).</source>
      <translation>Källan hade inga rapporter från {start} till {end} (svensk tid).</translation>
    </message>
    <message>
      <source>Sync {state} ({kind}): {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected, {deleted} deleted at the source ({pages} pages).</source>
      <translation>Synk {state} ({kind}): {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade, {deleted} borttagna i källan ({pages} sidor).</translation>
    </message>
    <message>
      <source>The sync reached its time limit and stopped; the next sync continues where it stopped.</source>
      <translation>Synken nådde sin tidsgräns och stannade; nästa synk fortsätter där den slutade.</translation>
    </message>
    <message>
      <source>Deleted reports are looked for at the next full sync (this one continued a stopped one).</source>
      <translation>Borttagna rapporter letas efter vid nästa hela synk (denna fortsatte en avbruten).</translation>
    </message>
    <message>
      <source>The server ignores the datetime filter and sends everything; the next sync asks for everything at once (fully correct, but not faster).</source>
      <translation>Servern ignorerar datetime-filtret och skickar allt; nästa synk hämtar allt direkt (helt korrekt, men inte snabbare).</translation>
    </message>
    <message>
      <source>Nothing new in the source (outside the collection's time extent).</source>
      <translation>Inget nytt i källan (utanför samlingens tidsomfång).</translation>
    </message>
    <message>
      <source>Unknown categories went to Other: {words}.</source>
      <translation>Okända kategorier lades som Övrigt: {words}.</translation>
    </message>
    <message>
      <source>Measures: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected (among the rejected above).</source>
      <translation>Åtgärder: {new} nya, {updated} ändrade, {unchanged} oförändrade, {rejected} avvisade (bland de avvisade ovan).</translation>
    </message>
    <message>
      <source>{missing} of {stored} reports are no longer in the source; they are not marked deleted, because it looks like a fault in the connection (wrong collection or id field?).</source>
      <translation>{missing} av {stored} rapporter finns inte längre i källan; de markeras inte som borttagna eftersom det ser ut som ett fel i anslutningen (fel samling eller id-fält?).</translation>
    </message>
    <message>
      <source>{name} is empty.</source>
      <translation>{name} är tom.</translation>
    </message>
    <message>
      <source>{name} has no header row.</source>
      <translation>{name} saknar rubrikrad.</translation>
    </message>
    <message>
      <source>Cannot read {name}: {error}</source>
      <translation>Kan inte läsa {name}: {error}</translation>
    </message>
    <message>
      <source>{name} could not be read as a spreadsheet.</source>
      <translation>{name} kunde inte läsas som kalkylblad.</translation>
    </message>
    <message>
      <source>The sheet '{sheet}' does not exist in {name}.</source>
      <translation>Bladet '{sheet}' finns inte i {name}.</translation>
    </message>
    <message>
      <source>the row could not be read: {error}</source>
      <translation>raden kunde inte läsas: {error}</translation>
    </message>
    <message>
      <source>a summary of a shift, not an event</source>
      <translation>sammanfattning av ett pass, ingen enskild händelse</translation>
    </message>
    <message>
      <source>information from the police, not an event</source>
      <translation>information från polisen, ingen händelse</translation>
    </message>
    <message>
      <source>an update of an earlier event, not a new event</source>
      <translation>uppdatering av en tidigare händelse, ingen ny händelse</translation>
    </message>
  </context>
  <context>
    <name>FieldAliases</name>
    <message>
      <source>Cell</source>
      <translation>Cell</translation>
    </message>
    <message>
      <source>Incidents in the cell</source>
      <translation>Händelser i cellen</translation>
    </message>
    <message>
      <source>Incidents in the neighbourhood</source>
      <translation>Händelser i grannskapet</translation>
    </message>
    <message>
      <source>Expected in the neighbourhood</source>
      <translation>Förväntat i grannskapet</translation>
    </message>
    <message>
      <source>Gi* z-score</source>
      <translation>Gi* z-värde</translation>
    </message>
    <message>
      <source>p-value (Gi*)</source>
      <translation>p-värde (Gi*)</translation>
    </message>
    <message>
      <source>q-value (Gi*, after correction)</source>
      <translation>q-värde (Gi*, efter korrektion)</translation>
    </message>
    <message>
      <source>p-value (exact test)</source>
      <translation>p-värde (exakt test)</translation>
    </message>
    <message>
      <source>q-value (exact test)</source>
      <translation>q-värde (exakt test)</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Klass</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Resultat</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Incidents in the latest period</source>
      <translation>Händelser senaste perioden</translation>
    </message>
    <message>
      <source>Periods hot</source>
      <translation>Perioder som hotspot</translation>
    </message>
    <message>
      <source>Periods cold</source>
      <translation>Perioder som coldspot</translation>
    </message>
    <message>
      <source>Trend (z-score)</source>
      <translation>Trend (z-värde)</translation>
    </message>
    <message>
      <source>p-value (trend)</source>
      <translation>p-värde (trend)</translation>
    </message>
    <message>
      <source>Gi* z-score, latest period</source>
      <translation>Gi* z-värde, senaste perioden</translation>
    </message>
    <message>
      <source>Pattern (code)</source>
      <translation>Mönster (kod)</translation>
    </message>
    <message>
      <source>Periods</source>
      <translation>Perioder</translation>
    </message>
    <message>
      <source>Cluster</source>
      <translation>Kluster</translation>
    </message>
    <message>
      <source>Incidents in the cluster</source>
      <translation>Händelser i klustret</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>Väntat</translation>
    </message>
    <message>
      <source>Observed / expected</source>
      <translation>Observerat / väntat</translation>
    </message>
    <message>
      <source>p-value (upper tail)</source>
      <translation>p-värde (övre svans)</translation>
    </message>
    <message>
      <source>q-value (after correction)</source>
      <translation>q-värde (efter korrektion)</translation>
    </message>
    <message>
      <source>Cells</source>
      <translation>Celler</translation>
    </message>
    <message>
      <source>Windows flagged</source>
      <translation>Flaggade fönster</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Type (code)</source>
      <translation>Typ (kod)</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <source>Status (code)</source>
      <translation>Status (kod)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Startdatum</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>Slutdatum</translation>
    </message>
    <message>
      <source>Responsible organisation</source>
      <translation>Ansvarig organisation</translation>
    </message>
    <message>
      <source>Target categories</source>
      <translation>Riktas mot kategorier</translation>
    </message>
    <message>
      <source>Internal notes</source>
      <translation>Interna anteckningar</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Bedömning</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Källa</translation>
    </message>
    <message>
      <source>Id in the source</source>
      <translation>Id i källan</translation>
    </message>
    <message>
      <source>Record as received</source>
      <translation>Posten som den kom</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Orsak</translation>
    </message>
    <message>
      <source>Rejected at</source>
      <translation>Avvisad</translation>
    </message>
    <message>
      <source>Checksum</source>
      <translation>Kontrollsumma</translation>
    </message>
    <message>
      <source>Times seen</source>
      <translation>Antal gånger sedd</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation>Senast sedd</translation>
    </message>
  </context>
  <context>
    <name>Layers</name>
    <message>
      <source>The base map could not be opened ({url}); the map is shown without it.</source>
      <translation>Bakgrundskartan kunde inte öppnas ({url}); kartan visas utan den.</translation>
    </message>
    <message>
      <source>There are no layers to export.</source>
      <translation>Det finns inga lager att exportera.</translation>
    </message>
    <message>
      <source>{count} layers in {file}: {layers}.</source>
      <translation>{count} lager i {file}: {layers}.</translation>
    </message>
    <message>
      <source>The layer {name} could not be opened ({uri}).</source>
      <translation>Lagret {name} kunde inte öppnas ({uri}).</translation>
    </message>
    <message>
      <source>The filter on {name} could not be used.</source>
      <translation>Filtret på {name} kunde inte användas.</translation>
    </message>
    <message>
      <source>{name} was not written to {file}.</source>
      <translation>{name} skrevs inte till {file}.</translation>
    </message>
    <message>
      <source>The style of {name} could not be saved in {file}: {error}</source>
      <translation>Stilen för {name} kunde inte sparas i {file}: {error}</translation>
    </message>
    <message>
      <source>Could not write {path}: {error}</source>
      <translation>Kunde inte skriva {path}: {error}</translation>
    </message>
    <message>
      <source>Planners drag {file} into their project: the layers come as one group, the filled ones switched off.</source>
      <translation>Planerarna drar {file} in i sitt projekt: lagren kommer som en grupp, de fyllda avslagna.</translation>
    </message>
    <message>
      <source>Not exported: {layers}.</source>
      <translation>Exporterades inte: {layers}.</translation>
    </message>
    <message>
      <source>{name} (raster, internal)</source>
      <translation>{name} (raster, intern)</translation>
    </message>
    <message>
      <source>The style of {name} could not be read: {error}</source>
      <translation>Stilen för {name} kunde inte läsas: {error}</translation>
    </message>
    <message>
      <source>{name} could not be written to {path}: {error}</source>
      <translation>{name} kunde inte skrivas till {path}: {error}</translation>
    </message>
    <message>
      <source>all categories</source>
      <translation>alla kategorier</translation>
    </message>
    <message>
      <source>no category</source>
      <translation>ingen kategori</translation>
    </message>
    <message>
      <source>{n} of {total} categories</source>
      <translation>{n} av {total} kategorier</translation>
    </message>
    <message>
      <source>The area filter cannot be made geographic here (no ST_Intersects); it uses the incidents' area codes.</source>
      <translation>Områdesfiltret kan inte göras geografiskt här (ST_Intersects saknas); det använder händelsernas områdeskod.</translation>
    </message>
    <message>
      <source>{n} incidents exported to {file}.</source>
      <translation>{n} händelser exporterade till {file}.</translation>
    </message>
    <message>
      <source>No area has the code {codes}: those select nothing.</source>
      <translation>Inget område har koden {codes}: de väljer ingenting.</translation>
    </message>
    <message>
      <source>The store has no areas (DeSO, RegSO or districts): the layer {layer} is left out.</source>
      <translation>Databasen saknar områden (DeSO, RegSO eller kommundelar): lagret {layer} utelämnas.</translation>
    </message>
    <message>
      <source>{n} areas have no population and get no rate per 1,000 inhabitants ({areas}).</source>
      <translation>{n} områden saknar befolkning och får ingen takt per 1 000 invånare ({areas}).</translation>
    </message>
    <message>
      <source>{n} of the police's events have no place and are not shown: the store has no areas and no kommun boundary.</source>
      <translation>{n} av polisens händelser saknar plats och visas inte: databasen saknar områden och kommungräns.</translation>
    </message>
    <message>
      <source>{n} of the police's events have neither a known area nor a kommun in the store and are not shown.</source>
      <translation>{n} av polisens händelser har varken ett känt område eller en kommun i databasen och visas inte.</translation>
    </message>
    <message>
      <source>The store has no safety surveys: the survey layer is left out.</source>
      <translation>Databasen saknar trygghetsmätningar: lagret utelämnas.</translation>
    </message>
    <message>
      <source>The store has no kommun boundary: hot spots and density are computed over the incidents' extent.</source>
      <translation>Databasen saknar kommungräns: hotspots och täthet beräknas över händelsernas utbredning.</translation>
    </message>
    <message>
      <source>{n} incidents without an exact place (the police's events on an area or kommun, among others) are not drawn as points.</source>
      <translation>{n} händelser utan exakt plats (polisens händelser på område eller kommun m.fl.) visas inte som punkter.</translation>
    </message>
    <message>
      <source>No incidents with an exact place in the period: hot spots are left out.</source>
      <translation>Inga händelser med exakt plats i perioden: hotspots utelämnas.</translation>
    </message>
    <message>
      <source>No incidents with an exact place in the period: the density is left out.</source>
      <translation>Inga händelser med exakt plats i perioden: tätheten utelämnas.</translation>
    </message>
    <message>
      <source>No incidents with an exact place in the last {n} periods: emerging hot spots are left out.</source>
      <translation>Inga händelser med exakt plats under de senaste {n} perioderna: framväxande hotspots utelämnas.</translation>
    </message>
    <message>
      <source>Hot spots could not be computed: {error}</source>
      <translation>Hotspots kunde inte beräknas: {error}</translation>
    </message>
    <message>
      <source>Emerging hot spots could not be computed: {error}</source>
      <translation>Framväxande hotspots kunde inte beräknas: {error}</translation>
    </message>
    <message>
      <source>Unusual now could not be computed: {error}</source>
      <translation>Ovanligt just nu kunde inte beräknas: {error}</translation>
    </message>
    <message>
      <source>The density could not be computed: {error}</source>
      <translation>Tätheten kunde inte beräknas: {error}</translation>
    </message>
    <message>
      <source>{n} measures active in the period have no place and are not on the map.</source>
      <translation>{n} åtgärder som pågår i perioden saknar plats och visas inte på kartan.</translation>
    </message>
    <message>
      <source>Trygghet – situation picture</source>
      <translation>Trygghet – lägesbild</translation>
    </message>
    <message>
      <source>Could not write the project {path}: {error}</source>
      <translation>Kunde inte skriva projektet {path}: {error}</translation>
    </message>
    <message>
      <source>Unusual now: more incidents than the place's own history makes expected, after correction for many comparisons</source>
      <translation>Ovanligt just nu: fler händelser än platsens egen historia gör väntat, efter korrektion för många jämförelser</translation>
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
      <source>Import data</source>
      <translation>Importera data</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>Åtgärder</translation>
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
    <name>Reports</name>
    <message>
      <source>The template {template} lacks the situation picture's maps and tables (item ids {items}). Is it the right template? Start from the shipped template and keep the items' ids.</source>
      <translation>Mallen {template} saknar lägesbildens kartor och tabeller (element-id {items}). Är det rätt mall? Utgå från den medföljande mallen och behåll elementens id.</translation>
    </message>
    <message>
      <source>The template {template} lacks the board analysis's maps and tables (item ids {items}). Is it the right template? Start from the shipped template and keep the items' ids.</source>
      <translation>Mallen {template} saknar nämndanalysens kartor och tabeller (element-id {items}). Är det rätt mall? Utgå från den medföljande mallen och behåll elementens id.</translation>
    </message>
    <message>
      <source>Disclosure control: {hidden} of {published} counts hidden ({loss} %): {small} small, {protecting} to protect them.</source>
      <translation>Röjandekontroll: {hidden} av {published} antal dolda ({loss} %): {small} små, {protecting} för att skydda dem.</translation>
    </message>
    <message>
      <source>The template {template} does not exist. Choose another template or go back to the shipped one.</source>
      <translation>Mallen {template} finns inte. Välj en annan mall eller återställ standardmallen.</translation>
    </message>
    <message>
      <source>The map layers could not be saved in {path}: {error}</source>
      <translation>Kartlagren kunde inte sparas i {path}: {error}</translation>
    </message>
    <message>
      <source>The template {template} could not be read (broken XML).</source>
      <translation>Mallen {template} kunde inte läsas (trasig XML).</translation>
    </message>
    <message>
      <source>The template {template} could not be loaded.</source>
      <translation>Mallen {template} kunde inte laddas.</translation>
    </message>
    <message>
      <source>Could not save the template {path}.</source>
      <translation>Kunde inte spara mallen {path}.</translation>
    </message>
    <message>
      <source>The PDF {path} could not be written. Is it open in another program, or may the folder not be written to?</source>
      <translation>PDF:en {path} kunde inte skrivas. Är den öppen i ett annat program, eller saknas skrivrätt till mappen?</translation>
    </message>
    <message>
      <source>The PDF export failed ({result}): {path}</source>
      <translation>PDF-exporten misslyckades ({result}): {path}</translation>
    </message>
    <message>
      <source>The template {template} could not be read ({error}).</source>
      <translation>Mallen {template} kunde inte läsas ({error}).</translation>
    </message>
    <message>
      <source>The template {template} could not be read (broken XML: {error}, line {line}).</source>
      <translation>Mallen {template} kunde inte läsas (trasig XML: {error}, rad {line}).</translation>
    </message>
    <message>
      <source>The folder {folder} cannot be made ({error}). Choose another folder for the PDF.</source>
      <translation>Mappen {folder} kan inte skapas ({error}). Välj en annan PDF-mapp.</translation>
    </message>
  </context>
</TS>
