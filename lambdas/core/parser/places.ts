import type { Place } from '../record';
import { ICU_COUNTRY_NAMES } from './countryNames.generated';

/**
 * Dateline locations normalized to {city, region, country}. Regions are ISO 3166-2 subdivision
 * codes without the country prefix, for US states and Canadian provinces only (`CA`, `TX`, `ON`);
 * countries are ISO 3166 alpha-2. Anything not in these tables stays null: a dateline place is
 * never guessed.
 */

// name|alternate names…=CODE; AP abbreviations and postal codes included.
const US_STATES = `Alabama|Ala.|AL=AL;Alaska|AK=AK;Arizona|Ariz.|AZ=AZ;Arkansas|Ark.|AR=AR;California|Calif.|Cal.|CA=CA;
Colorado|Colo.|CO=CO;Connecticut|Conn.|CT=CT;Delaware|Del.|DE=DE;Florida|Fla.|FL=FL;Georgia|Ga.|GA=GA;Hawaii|HI=HI;
Idaho|ID=ID;Illinois|Ill.|IL=IL;Indiana|Ind.|IN=IN;Iowa|IA=IA;Kansas|Kan.|Kans.|KS=KS;Kentucky|Ky.|KY=KY;
Louisiana|La.|LA=LA;Maine|ME=ME;Maryland|Md.|MD=MD;Massachusetts|Mass.|MA=MA;Michigan|Mich.|MI=MI;Minnesota|Minn.|MN=MN;
Mississippi|Miss.|MS=MS;Missouri|Mo.|MO=MO;Montana|Mont.|MT=MT;Nebraska|Neb.|Nebr.|NE=NE;Nevada|Nev.|NV=NV;
New Hampshire|N.H.|NH=NH;New Jersey|N.J.|NJ=NJ;New Mexico|N.M.|N.Mex.|NM=NM;New York|N.Y.|NY=NY;
North Carolina|N.C.|NC=NC;North Dakota|N.D.|N.Dak.|ND=ND;Ohio|OH=OH;Oklahoma|Okla.|OK=OK;Oregon|Ore.|Oreg.|OR=OR;
Pennsylvania|Pa.|Penn.|PA=PA;Rhode Island|R.I.|RI=RI;South Carolina|S.C.|SC=SC;South Dakota|S.D.|S.Dak.|SD=SD;
Tennessee|Tenn.|TN=TN;Texas|Tex.|TX=TX;Utah|UT=UT;Vermont|Vt.|VT=VT;Virginia|Va.|VA=VA;Washington|Wash.|WA=WA;
West Virginia|W.Va.|W. Va.|WV=WV;Wisconsin|Wis.|Wisc.|WI=WI;Wyoming|Wyo.|WY=WY;District of Columbia|D.C.|DC=DC;
Puerto Rico|P.R.=PR`;

const CA_PROVINCES = `Ontario|Ont.|ON=ON;Quebec|Québec|Que.|Qué.|QC|PQ|P.Q.=QC;British Columbia|B.C.|BC|Colombie-Britannique=BC;
Alberta|Alta.|AB=AB;Manitoba|Man.|MB=MB;Saskatchewan|Sask.|SK=SK;Nova Scotia|N.S.|NS|Nouvelle-Écosse=NS;
New Brunswick|N.B.|NB|Nouveau-Brunswick=NB;Newfoundland and Labrador|Newfoundland & Labrador|Newfoundland|Nfld.|Nfld. and Labrador|N.L.|NL|Terre-Neuve-et-Labrador=NL;
Prince Edward Island|P.E.I.|PEI|PE|Île-du-Prince-Édouard=PE;Yukon|Yukon Territory|Y.T.|YT|Yuk.=YT;
Northwest Territories|N.W.T.|NWT|NT|Territoires du Nord-Ouest=NT;Nunavut|Nvt.|NU=NU`;

/**
 * Every ISO 3166 country and territory, by its names in the languages releases are written in (from
 * the ICU data in Node's Intl, so the list is complete and current), plus the variants wires use
 * that ICU does not give (`U.S.`, `UAE`, `Mainland China`, `Ivory Coast`, …).
 */
const COUNTRY_VARIANTS = `United States|United States of America|U.S.|U.S.A.|USA|US|America=US;Canada=CA;
United Kingdom|U.K.|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland=GB;Netherlands|The Netherlands|Holland=NL;
Czech Republic|Czechia=CZ;Russia|Russian Federation=RU;Turkey|Türkiye|Turkiye=TR;
United Arab Emirates|UAE|U.A.E.=AE;Saudi Arabia|KSA|Kingdom of Saudi Arabia=SA;
China|PRC|P.R.C.|P.R. China|People's Republic of China|Mainland China|China Mainland=CN;
Hong Kong|Hong Kong SAR|Hong Kong SAR, China|Hong Kong, China|HKSAR=HK;Macau|Macao|Macau SAR|Macao SAR|Macau, China=MO;
Taiwan|Taiwan, China|Chinese Taipei|Republic of China=TW;South Korea|Korea|Republic of Korea|ROK=KR;North Korea|DPRK=KP;
Vietnam|Viet Nam=VN;Philippines|The Philippines=PH;Bahamas|The Bahamas=BS;Gambia|The Gambia=GM;
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire=CI;Myanmar|Burma=MM;Eswatini|Swaziland=SZ;Cape Verde|Cabo Verde=CV;
East Timor|Timor-Leste=TL;DRC|DR Congo|D.R. Congo|Democratic Republic of the Congo|Democratic Republic of Congo|Congo-Kinshasa=CD;
Republic of the Congo|Congo-Brazzaville|Congo=CG;Bosnia|Bosnia and Herzegovina|Bosnia-Herzegovina=BA;
North Macedonia|Macedonia=MK;Vatican|Vatican City|Holy See=VA;Palestine|Palestinian Territories=PS;Kosovo=XK;
Laos|Lao PDR=LA;Syria=SY;Iran=IR;Moldova=MD;Brunei|Brunei Darussalam=BN;Micronesia=FM;
Trinidad|Trinidad and Tobago=TT;Antigua and Barbuda=AG;Saint Kitts and Nevis|St. Kitts and Nevis=KN;
Saint Lucia|St. Lucia=LC;Saint Vincent and the Grenadines|St. Vincent and the Grenadines=VC;
Grand Cayman|Cayman Islands|Cayman=KY;BVI|British Virgin Islands=VG;USVI|U.S. Virgin Islands|US Virgin Islands=VI;
Curacao|Curaçao=CW;Sao Tome and Principe|São Tomé and Príncipe=ST;Reunion|Réunion=RE;Faroe Islands|Faroes=FO;
Deutschland=DE;España=ES;México=MX;Brasil=BR;Perú=PE;Panamá=PA;Italia=IT;Schweiz|Suisse|Svizzera=CH;Österreich=AT;
Nederland=NL;Belgique|België=BE;Polska=PL;Sverige=SE;Norge=NO;Danmark=DK;Suomi=FI;Nippon|Nihon=JP`;

/**
 * Well-known dateline cities that wires print without a region or country (AP "stand-alone"
 * datelines and the big wire cities), as `CITY=Display|CC|REGION`. Ambiguous names (Austin,
 * Portland, Cambridge, Santiago…) are left out on purpose. The national capitals are in it (0.391.0 added
 * those it lacked, as `Valletta, 4 April 2025 --`; not those that are words or other places' names too:
 * Malé, Tripoli, Monrovia).
 */
const WORLD_CITIES = `ATLANTA=Atlanta|US|GA;BALTIMORE=Baltimore|US|MD;BOSTON=Boston|US|MA;CHICAGO=Chicago|US|IL;
CINCINNATI=Cincinnati|US|OH;CLEVELAND=Cleveland|US|OH;DALLAS=Dallas|US|TX;DENVER=Denver|US|CO;DETROIT=Detroit|US|MI;
HONOLULU=Honolulu|US|HI;HOUSTON=Houston|US|TX;INDIANAPOLIS=Indianapolis|US|IN;LAS VEGAS=Las Vegas|US|NV;
LOS ANGELES=Los Angeles|US|CA;MIAMI=Miami|US|FL;MILWAUKEE=Milwaukee|US|WI;MINNEAPOLIS=Minneapolis|US|MN;
NEW ORLEANS=New Orleans|US|LA;NEW YORK=New York|US|NY;NEW YORK CITY=New York City|US|NY;OKLAHOMA CITY=Oklahoma City|US|OK;
PHILADELPHIA=Philadelphia|US|PA;PHOENIX=Phoenix|US|AZ;PITTSBURGH=Pittsburgh|US|PA;ST. LOUIS=St. Louis|US|MO;
SALT LAKE CITY=Salt Lake City|US|UT;SAN ANTONIO=San Antonio|US|TX;SAN DIEGO=San Diego|US|CA;
SAN FRANCISCO=San Francisco|US|CA;SEATTLE=Seattle|US|WA;WASHINGTON=Washington|US|DC;SILICON VALLEY=Silicon Valley|US|CA;
TORONTO=Toronto|CA|ON;MONTREAL=Montreal|CA|QC;MONTRÉAL=Montréal|CA|QC;VANCOUVER=Vancouver|CA|BC;OTTAWA=Ottawa|CA|ON;
CALGARY=Calgary|CA|AB;EDMONTON=Edmonton|CA|AB;WINNIPEG=Winnipeg|CA|MB;QUEBEC CITY=Quebec City|CA|QC;HALIFAX=Halifax|CA|NS;
MEXICO CITY=Mexico City|MX;GUADALAJARA=Guadalajara|MX;MONTERREY=Monterrey|MX;SAO PAULO=Sao Paulo|BR;SÃO PAULO=São Paulo|BR;
RIO DE JANEIRO=Rio de Janeiro|BR;BUENOS AIRES=Buenos Aires|AR;BOGOTA=Bogota|CO;BOGOTÁ=Bogotá|CO;LIMA=Lima|PE;
LONDON=London|GB;MANCHESTER=Manchester|GB;EDINBURGH=Edinburgh|GB;GLASGOW=Glasgow|GB;BIRMINGHAM=Birmingham|GB;
DUBLIN=Dublin|IE;PARIS=Paris|FR;LYON=Lyon|FR;BERLIN=Berlin|DE;MUNICH=Munich|DE;FRANKFURT=Frankfurt|DE;HAMBURG=Hamburg|DE;
DUSSELDORF=Dusseldorf|DE;DÜSSELDORF=Düsseldorf|DE;COLOGNE=Cologne|DE;STUTTGART=Stuttgart|DE;MADRID=Madrid|ES;
BARCELONA=Barcelona|ES;LISBON=Lisbon|PT;ROME=Rome|IT;MILAN=Milan|IT;AMSTERDAM=Amsterdam|NL;ROTTERDAM=Rotterdam|NL;
THE HAGUE=The Hague|NL;EINDHOVEN=Eindhoven|NL;BRUSSELS=Brussels|BE;ANTWERP=Antwerp|BE;LUXEMBOURG=Luxembourg|LU;
ZURICH=Zurich|CH;ZÜRICH=Zürich|CH;GENEVA=Geneva|CH;BASEL=Basel|CH;LAUSANNE=Lausanne|CH;VIENNA=Vienna|AT;
STOCKHOLM=Stockholm|SE;GOTHENBURG=Gothenburg|SE;OSLO=Oslo|NO;COPENHAGEN=Copenhagen|DK;HELSINKI=Helsinki|FI;
REYKJAVIK=Reykjavik|IS;WARSAW=Warsaw|PL;KRAKOW=Krakow|PL;PRAGUE=Prague|CZ;BUDAPEST=Budapest|HU;BUCHAREST=Bucharest|RO;
SOFIA=Sofia|BG;ATHENS=Athens|GR;ISTANBUL=Istanbul|TR;ANKARA=Ankara|TR;MOSCOW=Moscow|RU;ST. PETERSBURG=St. Petersburg|RU;
KYIV=Kyiv|UA;KIEV=Kiev|UA;TALLINN=Tallinn|EE;RIGA=Riga|LV;VILNIUS=Vilnius|LT;MONACO=Monaco|MC;VADUZ=Vaduz|LI;
TEL AVIV=Tel Aviv|IL;JERUSALEM=Jerusalem|IL;HAIFA=Haifa|IL;DUBAI=Dubai|AE;ABU DHABI=Abu Dhabi|AE;RIYADH=Riyadh|SA;
JEDDAH=Jeddah|SA;DOHA=Doha|QA;KUWAIT CITY=Kuwait City|KW;MANAMA=Manama|BH;MUSCAT=Muscat|OM;AMMAN=Amman|JO;
BEIRUT=Beirut|LB;CAIRO=Cairo|EG;CASABLANCA=Casablanca|MA;LAGOS=Lagos|NG;ABUJA=Abuja|NG;ACCRA=Accra|GH;NAIROBI=Nairobi|KE;
ADDIS ABABA=Addis Ababa|ET;KIGALI=Kigali|RW;JOHANNESBURG=Johannesburg|ZA;CAPE TOWN=Cape Town|ZA;
MUMBAI=Mumbai|IN;NEW DELHI=New Delhi|IN;DELHI=Delhi|IN;BENGALURU=Bengaluru|IN;BANGALORE=Bangalore|IN;
HYDERABAD=Hyderabad|IN;CHENNAI=Chennai|IN;PUNE=Pune|IN;KOLKATA=Kolkata|IN;GURUGRAM=Gurugram|IN;NOIDA=Noida|IN;
KARACHI=Karachi|PK;LAHORE=Lahore|PK;ISLAMABAD=Islamabad|PK;DHAKA=Dhaka|BD;COLOMBO=Colombo|LK;KATHMANDU=Kathmandu|NP;
BEIJING=Beijing|CN;SHANGHAI=Shanghai|CN;SHENZHEN=Shenzhen|CN;GUANGZHOU=Guangzhou|CN;HANGZHOU=Hangzhou|CN;
NANJING=Nanjing|CN;SUZHOU=Suzhou|CN;WUHAN=Wuhan|CN;CHENGDU=Chengdu|CN;CHONGQING=Chongqing|CN;TIANJIN=Tianjin|CN;
XI'AN=Xi'an|CN;XIAN=Xi'an|CN;QINGDAO=Qingdao|CN;DALIAN=Dalian|CN;SHENYANG=Shenyang|CN;HARBIN=Harbin|CN;
CHANGCHUN=Changchun|CN;CHANGSHA=Changsha|CN;ZHENGZHOU=Zhengzhou|CN;JINAN=Jinan|CN;XIAMEN=Xiamen|CN;FUZHOU=Fuzhou|CN;
KUNMING=Kunming|CN;NANNING=Nanning|CN;GUIYANG=Guiyang|CN;HAIKOU=Haikou|CN;SANYA=Sanya|CN;HEFEI=Hefei|CN;
NANCHANG=Nanchang|CN;TAIYUAN=Taiyuan|CN;SHIJIAZHUANG=Shijiazhuang|CN;HOHHOT=Hohhot|CN;LANZHOU=Lanzhou|CN;
XINING=Xining|CN;YINCHUAN=Yinchuan|CN;URUMQI=Urumqi|CN;LHASA=Lhasa|CN;NINGBO=Ningbo|CN;WUXI=Wuxi|CN;
DONGGUAN=Dongguan|CN;FOSHAN=Foshan|CN;ZHUHAI=Zhuhai|CN;YIWU=Yiwu|CN;WENZHOU=Wenzhou|CN;YANTAI=Yantai|CN;
HONG KONG=Hong Kong|HK;MACAU=Macau|MO;MACAO=Macao|MO;TAIPEI=Taipei|TW;HSINCHU=Hsinchu|TW;KAOHSIUNG=Kaohsiung|TW;
TAICHUNG=Taichung|TW;TOKYO=Tokyo|JP;OSAKA=Osaka|JP;KYOTO=Kyoto|JP;YOKOHAMA=Yokohama|JP;NAGOYA=Nagoya|JP;
FUKUOKA=Fukuoka|JP;SEOUL=Seoul|KR;BUSAN=Busan|KR;INCHEON=Incheon|KR;PANGYO=Pangyo|KR;ULAANBAATAR=Ulaanbaatar|MN;
TBILISI=Tbilisi|GE;YEREVAN=Yerevan|AM;BAKU=Baku|AZ;MÜNCHEN=München|DE;MUENCHEN=München|DE;KÖLN=Köln|DE;NÜRNBERG=Nürnberg|DE;HANNOVER=Hannover|DE;LEIPZIG=Leipzig|DE;
DRESDEN=Dresden|DE;BREMEN=Bremen|DE;BONN=Bonn|DE;FRANKFURT AM MAIN=Frankfurt am Main|DE;WIEN=Wien|AT;GRAZ=Graz|AT;
SALZBURG=Salzburg|AT;GENÈVE=Genève|CH;GENF=Genf|CH;BERN=Bern|CH;ZUG=Zug|CH;BRUXELLES=Bruxelles|BE;BRUSSEL=Brussel|BE;
GENT=Gent|BE;LIÈGE=Liège|BE;LISBOA=Lisboa|PT;PORTO=Porto|PT;ROMA=Roma|IT;MILANO=Milano|IT;TORINO=Torino|IT;TURIN=Turin|IT;
NAPOLI=Napoli|IT;NAPLES=Naples|IT;FIRENZE=Firenze|IT;FLORENCE=Florence|IT;BOLOGNA=Bologna|IT;VENEZIA=Venezia|IT;
VENICE=Venice|IT;GENOVA=Genova|IT;SEVILLA=Sevilla|ES;SEVILLE=Seville|ES;VALENCIA=Valencia|ES;BILBAO=Bilbao|ES;
MÁLAGA=Málaga|ES;ZARAGOZA=Zaragoza|ES;PRAHA=Praha|CZ;WARSZAWA=Warszawa|PL;KRAKÓW=Kraków|PL;WROCLAW=Wroclaw|PL;
KØBENHAVN=København|DK;AARHUS=Aarhus|DK;GÖTEBORG=Göteborg|SE;MALMÖ=Malmö|SE;MALMO=Malmo|SE;BERGEN=Bergen|NO;
TRONDHEIM=Trondheim|NO;STAVANGER=Stavanger|NO;ESPOO=Espoo|FI;TAMPERE=Tampere|FI;UTRECHT=Utrecht|NL;DEN HAAG=Den Haag|NL;
MARSEILLE=Marseille|FR;TOULOUSE=Toulouse|FR;NICE=Nice|FR;NANTES=Nantes|FR;BORDEAUX=Bordeaux|FR;LILLE=Lille|FR;
STRASBOURG=Strasbourg|FR;MONTPELLIER=Montpellier|FR;RENNES=Rennes|FR;GRENOBLE=Grenoble|FR;SOPHIA ANTIPOLIS=Sophia Antipolis|FR;
CIUDAD DE MÉXICO=Ciudad de México|MX;CIUDAD DE MEXICO=Ciudad de Mexico|MX;MÉXICO=México|MX;CDMX=CDMX|MX;
SANTIAGO DE CHILE=Santiago de Chile|CL;MEDELLÍN=Medellín|CO;MEDELLIN=Medellin|CO;CALI=Cali|CO;QUITO=Quito|EC;
GUAYAQUIL=Guayaquil|EC;MONTEVIDEO=Montevideo|UY;ASUNCIÓN=Asunción|PY;LA PAZ=La Paz|BO;CARACAS=Caracas|VE;
SAN SALVADOR=San Salvador|SV;TEGUCIGALPA=Tegucigalpa|HN;MANAGUA=Managua|NI;PANAMA CITY=Panama City|PA;
SANTO DOMINGO=Santo Domingo|DO;NASSAU=Nassau|BS;
BRASÍLIA=Brasília|BR;BRASILIA=Brasilia|BR;CURITIBA=Curitiba|BR;PORTO ALEGRE=Porto Alegre|BR;
BELO HORIZONTE=Belo Horizonte|BR;RECIFE=Recife|BR;CAMPINAS=Campinas|BR;FLORIANÓPOLIS=Florianópolis|BR;
MISSISSAUGA=Mississauga|CA|ON;KITCHENER=Kitchener|CA|ON;
SASKATOON=Saskatoon|CA|SK;REGINA=Regina|CA|SK;
ST. JOHN'S=St. John's|CA|NL;FREDERICTON=Fredericton|CA|NB;MONCTON=Moncton|CA|NB;CHARLOTTETOWN=Charlottetown|CA|PE;
WHITEHORSE=Whitehorse|CA|YT;YELLOWKNIFE=Yellowknife|CA|NT;IQALUIT=Iqaluit|CA|NU;SUDBURY=Sudbury|CA|ON;
GATINEAU=Gatineau|CA|QC;LAVAL=Laval|CA|QC;SHERBROOKE=Sherbrooke|CA|QC;QUÉBEC=Québec|CA|QC;BURNABY=Burnaby|CA|BC;
KELOWNA=Kelowna|CA|BC;MARKHAM=Markham|CA|ON;OAKVILLE=Oakville|CA|ON;BRAMPTON=Brampton|CA|ON;
ALMATY=Almaty|KZ;ASTANA=Astana|KZ;TASHKENT=Tashkent|UZ;SINGAPORE=Singapore|SG;KUALA LUMPUR=Kuala Lumpur|MY;
JAKARTA=Jakarta|ID;BALI=Bali|ID;BANGKOK=Bangkok|TH;HANOI=Hanoi|VN;HO CHI MINH CITY=Ho Chi Minh City|VN;
MANILA=Manila|PH;MAKATI=Makati|PH;PHNOM PENH=Phnom Penh|KH;YANGON=Yangon|MM;SYDNEY=Sydney|AU;MELBOURNE=Melbourne|AU;
BRISBANE=Brisbane|AU;PERTH=Perth|AU;ADELAIDE=Adelaide|AU;CANBERRA=Canberra|AU;AUCKLAND=Auckland|NZ;
WELLINGTON=Wellington|NZ;SAN JOSE=San Jose|US|CA;PALO ALTO=Palo Alto|US|CA;MOUNTAIN VIEW=Mountain View|US|CA;
MENLO PARK=Menlo Park|US|CA;SANTA CLARA=Santa Clara|US|CA;SUNNYVALE=Sunnyvale|US|CA;REDWOOD CITY=Redwood City|US|CA;
NASHVILLE=Nashville|US|TN;CHARLOTTE=Charlotte|US|NC;RALEIGH=Raleigh|US|NC;ORLANDO=Orlando|US|FL;TAMPA=Tampa|US|FL;
SACRAMENTO=Sacramento|US|CA;SCOTTSDALE=Scottsdale|US|AZ;BOCA RATON=Boca Raton|US|FL;FORT LAUDERDALE=Fort Lauderdale|US|FL;
JERSEY CITY=Jersey City|US|NJ;IRVINE=Irvine|US|CA;BOULDER=Boulder|US|CO;BOISE=Boise|US|ID;ALBUQUERQUE=Albuquerque|US|NM;
ANCHORAGE=Anchorage|US|AK;MEMPHIS=Memphis|US|TN;LOUISVILLE=Louisville|US|KY;BUFFALO=Buffalo|US|NY;
NICOSIA=Nicosia|CY;LJUBLJANA=Ljubljana|SI;VALLETTA=Valletta|MT;ZAGREB=Zagreb|HR;BRATISLAVA=Bratislava|SK;
BELGRADE=Belgrade|RS;SKOPJE=Skopje|MK;TIRANA=Tirana|AL;PODGORICA=Podgorica|ME;SARAJEVO=Sarajevo|BA;
CHISINAU=Chisinau|MD;MINSK=Minsk|BY;ANDORRA LA VELLA=Andorra la Vella|AD;KAMPALA=Kampala|UG;LUSAKA=Lusaka|ZM;
HARARE=Harare|ZW;GABORONE=Gaborone|BW;WINDHOEK=Windhoek|NA;MAPUTO=Maputo|MZ;DAKAR=Dakar|SN;TUNIS=Tunis|TN;
ALGIERS=Algiers|DZ;RABAT=Rabat|MA;DODOMA=Dodoma|TZ;KINSHASA=Kinshasa|CD;LUANDA=Luanda|AO;YAOUNDE=Yaoundé|CM;
BAMAKO=Bamako|ML;NIAMEY=Niamey|NE;OUAGADOUGOU=Ouagadougou|BF;CONAKRY=Conakry|GN;FREETOWN=Freetown|SL;
LOME=Lomé|TG;COTONOU=Cotonou|BJ;LIBREVILLE=Libreville|GA;KHARTOUM=Khartoum|SD;MOGADISHU=Mogadishu|SO;
DJIBOUTI=Djibouti|DJ;ASMARA=Asmara|ER;ANTANANARIVO=Antananarivo|MG;LILONGWE=Lilongwe|MW;MASERU=Maseru|LS;
MBABANE=Mbabane|SZ;PORT LOUIS=Port Louis|MU;DAMASCUS=Damascus|SY;BAGHDAD=Baghdad|IQ;TEHRAN=Tehran|IR;
KABUL=Kabul|AF;THIMPHU=Thimphu|BT;BISHKEK=Bishkek|KG;DUSHANBE=Dushanbe|TJ;ASHGABAT=Ashgabat|TM;
VIENTIANE=Vientiane|LA;NAYPYIDAW=Naypyidaw|MM;BANDAR SERI BEGAWAN=Bandar Seri Begawan|BN;DILI=Dili|TL;
PORT MORESBY=Port Moresby|PG;SUVA=Suva|FJ;PARAMARIBO=Paramaribo|SR;BELMOPAN=Belmopan|BZ;HAVANA=Havana|CU;
PORT-AU-PRINCE=Port-au-Prince|HT;PORT OF SPAIN=Port of Spain|TT;BRIDGETOWN=Bridgetown|BB;CASTRIES=Castries|LC;
SAN JUAN=San Juan|US|PR;北京=北京|CN;上海=上海|CN;深圳=深圳|CN;广州=广州|CN;廣州=廣州|CN;杭州=杭州|CN;南京=南京|CN;
苏州=苏州|CN;蘇州=蘇州|CN;成都=成都|CN;重庆=重庆|CN;武汉=武汉|CN;天津=天津|CN;西安=西安|CN;厦门=厦门|CN;青岛=青岛|CN;
大连=大连|CN;沈阳=沈阳|CN;长沙=长沙|CN;郑州=郑州|CN;合肥=合肥|CN;济南=济南|CN;宁波=宁波|CN;无锡=无锡|CN;珠海=珠海|CN;
东莞=东莞|CN;佛山=佛山|CN;香港=香港|HK;澳门=澳门|MO;澳門=澳門|MO;台北=台北|TW;臺北=臺北|TW;新竹=新竹|TW;高雄=高雄|TW;
新加坡=新加坡|SG;東京=東京|JP;东京=东京|JP;大阪=大阪|JP;京都=京都|JP;横浜=横浜|JP;名古屋=名古屋|JP;福岡=福岡|JP;
서울=서울|KR;부산=부산|KR;인천=인천|KR;ソウル=ソウル|KR`;

function table(spec: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of spec.split(/;\s*/)) {
    const eq = entry.lastIndexOf('=');
    if (eq < 0) continue;
    const value = entry.slice(eq + 1).trim();
    for (const name of entry.slice(0, eq).split('|')) map.set(key(name), value);
  }
  return map;
}

/** Lookup key: upper-cased, spaces collapsed, and `N. J.` written the same as `N.J.`. */
function key(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\. (?=[A-Z]\.)/g, '.');
}

const STATE_BY_NAME = table(US_STATES);
const PROVINCE_BY_NAME = table(CA_PROVINCES);

/**
 * Codes ICU names that are not current ISO 3166-1 countries: unions (EU, UN, Eurozone), codes of
 * countries that no longer exist (East Germany `DD` is "Germany" in ICU) and reserved codes.
 */
const NOT_COUNTRIES = new Set(
  'EU EZ UN QO ZZ DD BU CS FX NT SU TP YD YU ZR AN DY HV NH RH VD AC CP CQ DG EA IC TA'.split(' '),
);
/** Languages whose country names are looked up (the languages the language detector reports). */
const NAME_LOCALES = ['en', 'fr', 'es', 'de', 'pt', 'it', 'nl'];

/**
 * The country names ICU gives (Intl.DisplayNames, in NAME_LOCALES in turn) that COUNTRY_VARIANTS
 * does not already have, as [lookup key, ISO code] in the order they are first met (an earlier
 * locale's name wins). ~4,700 ICU lookups (30–50 ms): not run when the parser loads or parses —
 * scripts/gen-country-names.ts writes its result to countryNames.generated.ts, and a unit test
 * checks that file still equals it on the Node running the tests.
 */
export function countryNamesFromIcu(): [string, string][] {
  const variants = table(COUNTRY_VARIANTS);
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const locale of NAME_LOCALES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      continue; // a Node built without ICU data
    }
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        if (NOT_COUNTRIES.has(code) || /^(?:Q[M-Z]|X[A-JL-Z])$/.test(code)) continue;
        let name: string | undefined;
        try {
          name = names.of(code);
        } catch {
          name = undefined;
        }
        if (!name || name === code) continue;
        // `Myanmar (Burma)`, `Hong Kong SAR China`, `Bosnia & Herzegovina`, `St. Kitts & Nevis`.
        const forms = new Set([name, name.replace(/\s*\(.*\)$/, ''), name.replace(/ SAR China$/, '')]);
        for (const f of [...forms]) {
          if (f.includes('&')) forms.add(f.replace(/&/g, 'and'));
          if (f.startsWith('St. ')) forms.add('Saint ' + f.slice(4));
        }
        for (const f of forms) {
          const k = key(f);
          if (variants.has(k) || seen.has(k)) continue;
          seen.add(k);
          pairs.push([k, code]);
        }
      }
  }
  return pairs;
}

/**
 * Country names → ISO code: COUNTRY_VARIANTS, then ICU's names as generated into
 * countryNames.generated.ts (`KEY=CC;…`, keys already in lookup form). Built on first use.
 */
function countryTable(): Map<string, string> {
  const map = table(COUNTRY_VARIANTS);
  for (const entry of ICU_COUNTRY_NAMES.split(';')) {
    const eq = entry.lastIndexOf('=');
    if (eq < 0) continue;
    const k = entry.slice(0, eq).trim();
    if (!map.has(k)) map.set(k, entry.slice(eq + 1));
  }
  return map;
}
let countryByName: Map<string, string> | null = null;
const countries = (): Map<string, string> => (countryByName ??= countryTable());
const CITY_BY_NAME = new Map<string, { display: string; country: string; region: string | null }>();
for (const entry of WORLD_CITIES.split(/;\s*/)) {
  const [name, value] = entry.split('=');
  const [display, country, region] = (value ?? '').split('|');
  if (name && display && country) CITY_BY_NAME.set(key(name), { display, country, region: region ?? null });
}

const SMALL_WORDS = new Set([
  'de',
  'del',
  'da',
  'do',
  'dos',
  'la',
  'le',
  'of',
  'and',
  'on',
  'upon',
  'am',
  'im',
  'an',
  'der',
]);

/** `SAN FRANCISCO` → `San Francisco`, `WINSTON-SALEM` → `Winston-Salem`, `XI'AN` → `Xi'an`. */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word)
        ? word
        : word.replace(/(^|[-/(])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase()),
    )
    .join(' ');
}

/** Splits a multi-place location (`SAN FRANCISCO & TEL AVIV`) into its places. */
function splitPlaces(city: string): string[] {
  return city
    .split(/ ?[&/] ?| and | AND /)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The first of several places that each carry qualifiers, or the location itself. */
function firstPlace(location: string): string {
  const m = /^([^&]{2,80}?,[^&]{2,60}?) (?:&|and|AND|et|y|und) (?=\p{Lu})/u.exec(location);
  if (!m?.[1]) return location;
  // `Newfoundland and Labrador`, `Bosnia and Herzegovina`: one name, not two places.
  const lastPart = m[1].split(',').pop()?.trim() ?? '';
  const rest = location.slice(m[0].length).split(',')[0]?.trim() ?? '';
  if (countries().has(key(`${lastPart} and ${rest}`)) || PROVINCE_BY_NAME.has(key(`${lastPart} and ${rest}`)))
    return location;
  return m[1];
}

/** A city as written, title-cased when it is written in capitals (`ST. LOUIS` → `St. Louis`; `McLean` stays). */
function displayCity(written: string): string {
  return /\p{Ll}/u.test(written) ? written : titleCase(written);
}

/** A qualifier (`Calif.`, `Ontario`, `UNITED STATES`) as a region and/or country. */
function qualifierPlace(q: string): { region: string | null; country: string | null } | null {
  const k = key(q);
  const state = STATE_BY_NAME.get(k);
  if (state) return { region: state, country: 'US' };
  const province = PROVINCE_BY_NAME.get(k);
  if (province) return { region: province, country: 'CA' };
  const nation = countries().get(k);
  if (nation) return { region: null, country: nation };
  return null;
}

/**
 * The dateline location as a place. `BEIJING` → Beijing, CN (world-city table); `AUSTIN, Texas` →
 * Austin, TX, US; `TORONTO, Ontario` → Toronto, ON, CA; `SAN FRANCISCO & TEL AVIV, Israel` → the
 * first place (the qualifiers after the comma belong to the last one, so they are not applied to
 * the first). Parts not in the tables stay null.
 */
export function normalizePlace(location: string | null): Place | null {
  if (!location) return null;
  // `SAN JOSE, Calif. & AUSTIN, Texas`, `Vancouver, British Columbia and Toronto, Ontario`: each
  // place carries its own qualifiers, so the first place is read with its own.
  const first = firstPlace(location);
  if (first !== location) return normalizePlace(first);
  const parts = location
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const cityPart = parts[0];
  if (!cityPart) return null;
  const qualifiers = parts.slice(1);
  const places = countries().has(key(cityPart)) ? [cityPart] : splitPlaces(cityPart);
  const multi = places.length > 1;
  const firstCity = places[0] ?? cityPart;

  let region: string | null = null;
  let country: string | null = null;
  // `Georgia` is a US state in a dateline, unless the city is a known Georgian one (`TBILISI, Georgia`).
  let alsoCountry: string | null = null;
  // The qualifiers after a multi-place location belong to its last place, unless that place is the
  // only one they can describe (`NEW YORK and LONDON, United Kingdom`: still not New York's).
  if (!multi) {
    for (const q of qualifiers) {
      const found = qualifierPlace(q);
      if (!found) continue;
      if (found.region && !region) {
        alsoCountry = countries().get(key(q)) ?? null;
        region = found.region;
        country = found.country;
      } else if (!found.region && found.country) {
        country = found.country;
      }
    }
  }
  const known = CITY_BY_NAME.get(key(firstCity));
  const asCountry = countries().get(key(firstCity));
  if ((multi || qualifiers.length === 0) && known) {
    return { city: displayCity(firstCity), region: known.region, country: known.country };
  }
  if (qualifiers.length === 0 && asCountry && !known) {
    // A city-state (`SINGAPORE`, `MONACO`) or a dateline that names only a country.
    return { city: displayCity(firstCity), region: null, country: asCountry };
  }
  if (known && alsoCountry === known.country) {
    return { city: displayCity(firstCity), region: known.region, country: known.country };
  }
  if (known && (!country || known.country === country)) {
    return { city: displayCity(firstCity), region: region ?? known.region, country: known.country };
  }
  return { city: displayCity(firstCity), region, country };
}

/** True when `name` is a city of the world-city table (`San Francisco`, `NEW YORK`). */
export function isKnownCity(name: string): boolean {
  return CITY_BY_NAME.has(key(name));
}

/** True when `name` is a US state, Canadian province or country, by any name the tables know. */
export function isKnownRegionOrCountry(name: string): boolean {
  const k = key(name);
  return STATE_BY_NAME.has(k) || PROVINCE_BY_NAME.has(k) || countries().has(k);
}
