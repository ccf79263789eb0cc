import type { Place } from '../record';

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

const CA_PROVINCES = `Ontario|Ont.|ON=ON;Quebec|Québec|Que.|QC=QC;British Columbia|B.C.|BC=BC;Alberta|Alta.|AB=AB;
Manitoba|Man.|MB=MB;Saskatchewan|Sask.|SK=SK;Nova Scotia|N.S.|NS=NS;New Brunswick|N.B.|NB=NB;
Newfoundland and Labrador|Newfoundland|N.L.|NL=NL;Prince Edward Island|P.E.I.|PE=PE;Yukon|Y.T.|YT=YT;
Northwest Territories|N.W.T.|NT=NT;Nunavut|NU=NU`;

const COUNTRIES = `United States|United States of America|U.S.|U.S.A.|USA|US=US;Canada=CA;Mexico=MX;
United Kingdom|U.K.|UK|Great Britain|England|Scotland|Wales|Northern Ireland=GB;Ireland=IE;France=FR;Germany=DE;
Spain=ES;Portugal=PT;Italy=IT;Netherlands|The Netherlands|Holland=NL;Belgium=BE;Luxembourg=LU;Switzerland=CH;
Austria=AT;Sweden=SE;Norway=NO;Denmark=DK;Finland=FI;Iceland=IS;Poland=PL;Czech Republic|Czechia=CZ;Slovakia=SK;
Hungary=HU;Romania=RO;Bulgaria=BG;Greece=GR;Cyprus=CY;Malta=MT;Croatia=HR;Slovenia=SI;Serbia=RS;Estonia=EE;
Latvia=LV;Lithuania=LT;Ukraine=UA;Russia|Russian Federation=RU;Turkey|Türkiye|Turkiye=TR;Israel=IL;Jordan=JO;
Lebanon=LB;Egypt=EG;Morocco=MA;Tunisia=TN;Nigeria=NG;Ghana=GH;Kenya=KE;Ethiopia=ET;Rwanda=RW;South Africa=ZA;
United Arab Emirates|UAE|U.A.E.=AE;Saudi Arabia|KSA=SA;Qatar=QA;Kuwait=KW;Bahrain=BH;Oman=OM;Iran=IR;Iraq=IQ;
Pakistan=PK;India=IN;Bangladesh=BD;Sri Lanka=LK;Nepal=NP;China|PRC|P.R. China|People's Republic of China|Mainland China=CN;
Hong Kong|Hong Kong SAR|Hong Kong SAR, China=HK;Macau|Macao|Macau SAR=MO;Taiwan=TW;Japan=JP;South Korea|Korea|Republic of Korea=KR;
Mongolia=MN;Kazakhstan=KZ;Uzbekistan=UZ;Singapore=SG;Malaysia=MY;Indonesia=ID;Thailand=TH;Vietnam|Viet Nam=VN;
Philippines|The Philippines=PH;Cambodia=KH;Myanmar=MM;Australia=AU;New Zealand=NZ;Brazil=BR;Argentina=AR;Chile=CL;
Colombia=CO;Peru=PE;Ecuador=EC;Uruguay=UY;Paraguay=PY;Venezuela=VE;Bolivia=BO;Costa Rica=CR;Panama=PA;Guatemala=GT;
Dominican Republic=DO;Jamaica=JM;Bahamas|The Bahamas=BS;Bermuda=BM;Cayman Islands|Grand Cayman=KY;Monaco=MC;
Liechtenstein=LI;Georgia (country)=GE;Armenia=AM;Azerbaijan=AZ`;

/**
 * Well-known dateline cities that wires print without a region or country (AP "stand-alone"
 * datelines and the big wire cities), as `CITY=Display|CC|REGION`. Ambiguous names (Austin,
 * Portland, Cambridge, Santiago…) are left out on purpose.
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
SAN JUAN=San Juan|US|PR`;

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
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\. (?=[A-Z]\.)/g, '.');
}

const STATE_BY_NAME = table(US_STATES);
const PROVINCE_BY_NAME = table(CA_PROVINCES);
const COUNTRY_BY_NAME = table(COUNTRIES);
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

/**
 * The dateline location as a place. `BEIJING` → Beijing, CN (world-city table); `AUSTIN, Texas` →
 * Austin, TX, US; `TORONTO, Ontario` → Toronto, ON, CA; `SAN FRANCISCO & TEL AVIV, Israel` → the
 * first place (the qualifiers after the comma belong to the last one, so they are not applied to
 * the first). Parts not in the tables stay null.
 */
export function normalizePlace(location: string | null): Place | null {
  if (!location) return null;
  const parts = location
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const cityPart = parts[0];
  if (!cityPart) return null;
  const qualifiers = parts.slice(1);
  const places = splitPlaces(cityPart);
  const multi = places.length > 1;
  const firstCity = places[0] ?? cityPart;

  let region: string | null = null;
  let country: string | null = null;
  if (!multi) {
    for (const q of qualifiers) {
      const k = key(q);
      const state = STATE_BY_NAME.get(k);
      const province = PROVINCE_BY_NAME.get(k);
      const nation = COUNTRY_BY_NAME.get(k);
      // `Georgia` and `Washington` are US states in a dateline; a country is written with its city.
      if (state && !region) {
        region = state;
        country ??= 'US';
      } else if (province && !region) {
        region = province;
        country ??= 'CA';
      } else if (nation) {
        country = nation;
      }
    }
  }
  const known = CITY_BY_NAME.get(key(firstCity));
  const asCountry = COUNTRY_BY_NAME.get(key(firstCity));
  if ((multi || qualifiers.length === 0) && known) {
    return { city: known.display, region: known.region, country: known.country };
  }
  if (qualifiers.length === 0 && asCountry) {
    // A city-state (`SINGAPORE`, `MONACO`) or a dateline that names only a country.
    return { city: titleCase(firstCity), region: null, country: asCountry };
  }
  // A known city whose qualifiers agree with the table (`NEW YORK, N.Y.`) keeps the table's spelling.
  const display = known && (!country || known.country === country) ? known.display : titleCase(firstCity);
  return { city: display, region, country };
}
