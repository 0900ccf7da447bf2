/**
 * The explicit Gleditsch–Ward ↔ ISO 3166-1 alpha-3 crosswalk. Every GW code the platform knows is listed
 * here; nothing is matched by name. Validity dates come from the GW state list (registry/gw_states.csv)
 * unless a row gives its own. A GW code without an ISO match carries the reason instead of a code.
 *
 * Conventions (shared with ViEWS, so country-months line up):
 * - dissolved states use their withdrawn ISO 3166-3 alpha-3 codes: DDR (GW 265), CSK (315), YUG and SCG (345),
 *   SUN (365 until 1991-12-25), YMD (680);
 * - Kosovo (GW 347) is XKX, the user-assigned code the World Bank, the EU and ViEWS use (not in ISO 3166-1);
 * - unified Yemen is GW 678 → YEM; GW 679 (used by some lists for unified Yemen from 1990-05-22) is an alias
 *   that maps to YEM but is never chosen when resolving YEM back to a GW code;
 * - GW 260 (German Federal Republic, 1949–) → DEU, which continues after reunification in 1990.
 */

export type IsoStatus = "current" | "withdrawn" | "user_assigned";

type CrosswalkSpec = {
  iso3: string | null;
  from?: string;
  to?: string | null;
  /** Alias rows map GW → ISO only; they are skipped when resolving ISO → GW. */
  alias?: boolean;
  note?: string;
};

/** Codes used by conflict data that are not (or no longer) in ISO 3166-1, with their ISO 3166-3 details. */
export const NON_ISO_3166_1_CODES: Record<
  string,
  {
    name: string;
    numeric: number | null;
    status: IsoStatus;
    from: string | null;
    to: string | null;
    note: string;
  }
> = {
  DDR: {
    name: "German Democratic Republic",
    numeric: 278,
    status: "withdrawn",
    from: "1949-10-05",
    to: "1990-10-02",
    note: "ISO 3166-3 withdrawn code (DDDE)",
  },
  CSK: {
    name: "Czechoslovakia",
    numeric: 200,
    status: "withdrawn",
    from: "1918-11-11",
    to: "1992-12-31",
    note: "ISO 3166-3 withdrawn code (CSHH)",
  },
  YUG: {
    name: "Yugoslavia (Socialist Federal Republic)",
    numeric: 890,
    status: "withdrawn",
    from: "1918-12-01",
    to: "1992-04-26",
    note: "ISO 3166-3 withdrawn code (YUCS)",
  },
  SCG: {
    name: "Serbia and Montenegro (Federal Republic of Yugoslavia)",
    numeric: 891,
    status: "withdrawn",
    from: "1992-04-27",
    to: "2006-06-04",
    note: "ISO 3166-3 withdrawn code (CSXX); ISO itself kept YUG until 2003, ViEWS uses SCG from 1992-04",
  },
  SUN: {
    name: "Soviet Union",
    numeric: 810,
    status: "withdrawn",
    from: "1922-12-30",
    to: "1991-12-25",
    note: "ISO 3166-3 withdrawn code (SUHH)",
  },
  YMD: {
    name: "Yemen, People's Democratic Republic",
    numeric: 720,
    status: "withdrawn",
    from: "1967-11-30",
    to: "1990-05-21",
    note: "ISO 3166-3 withdrawn code (YDYE)",
  },
  XKX: {
    name: "Kosovo",
    numeric: null,
    status: "user_assigned",
    from: "2008-02-17",
    to: null,
    note: "user-assigned code used by the World Bank, the EU and ViEWS; Kosovo is not in ISO 3166-1",
  },
};

const BEFORE_ISO = "state ended before ISO 3166 was first published (1974); no ISO code";
const none = (note: string): CrosswalkSpec[] => [{ iso3: null, note }];
const iso = (iso3: string): CrosswalkSpec[] => [{ iso3 }];

/** GW codes of the GW state list and its microstates (gw_capitals.csv), by code. */
export const GW_TO_ISO: Record<number, CrosswalkSpec[]> = {
  2: iso("USA"),
  20: iso("CAN"),
  31: iso("BHS"),
  40: iso("CUB"),
  41: iso("HTI"),
  42: iso("DOM"),
  51: iso("JAM"),
  52: iso("TTO"),
  53: iso("BRB"),
  54: iso("DMA"),
  55: iso("GRD"),
  56: iso("LCA"),
  57: iso("VCT"),
  58: iso("ATG"),
  60: iso("KNA"),
  70: iso("MEX"),
  80: iso("BLZ"),
  89: none(BEFORE_ISO),
  90: iso("GTM"),
  91: iso("HND"),
  92: iso("SLV"),
  93: iso("NIC"),
  94: iso("CRI"),
  95: iso("PAN"),
  99: none(BEFORE_ISO),
  100: iso("COL"),
  101: iso("VEN"),
  110: iso("GUY"),
  115: iso("SUR"),
  130: iso("ECU"),
  135: iso("PER"),
  140: iso("BRA"),
  145: iso("BOL"),
  150: iso("PRY"),
  155: iso("CHL"),
  160: iso("ARG"),
  165: iso("URY"),
  200: iso("GBR"),
  205: iso("IRL"),
  210: iso("NLD"),
  211: iso("BEL"),
  212: iso("LUX"),
  220: iso("FRA"),
  221: iso("MCO"),
  223: iso("LIE"),
  225: iso("CHE"),
  230: iso("ESP"),
  232: iso("AND"),
  235: iso("PRT"),
  240: none(BEFORE_ISO),
  245: none(BEFORE_ISO),
  255: none(
    `${BEFORE_ISO}; Germany 1816–1945 is GW 255, the Federal Republic GW 260 (DEU) and the GDR GW 265 (DDR)`,
  ),
  260: [{ iso3: "DEU", note: "German Federal Republic; DEU continues after reunification (1990-10-03)" }],
  265: [{ iso3: "DDR", note: "German Democratic Republic; withdrawn ISO 3166-3 code" }],
  267: none(BEFORE_ISO),
  269: none(BEFORE_ISO),
  271: none(BEFORE_ISO),
  273: none(BEFORE_ISO),
  275: none(BEFORE_ISO),
  280: none(BEFORE_ISO),
  290: iso("POL"),
  300: none(BEFORE_ISO),
  305: iso("AUT"),
  310: iso("HUN"),
  315: [{ iso3: "CSK", note: "Czechoslovakia; withdrawn ISO 3166-3 code" }],
  316: iso("CZE"),
  317: iso("SVK"),
  325: iso("ITA"),
  327: none(BEFORE_ISO),
  329: none(BEFORE_ISO),
  331: iso("SMR"),
  332: none(BEFORE_ISO),
  335: none(BEFORE_ISO),
  337: none(BEFORE_ISO),
  338: iso("MLT"),
  339: iso("ALB"),
  340: [{ iso3: "SRB", note: "Serbia 1878–1915 and from 2006-06-05; in between Serbia is part of GW 345" }],
  341: [{ iso3: "MNE", note: "Montenegro 1868–1915 and from 2006-06-03; in between part of GW 345" }],
  343: iso("MKD"),
  344: iso("HRV"),
  345: [
    {
      iso3: "YUG",
      to: "1992-04-26",
      note: "Socialist Federal Republic of Yugoslavia; withdrawn ISO 3166-3 code",
    },
    {
      iso3: "SCG",
      from: "1992-04-27",
      note: "Federal Republic of Yugoslavia / Serbia and Montenegro; withdrawn ISO 3166-3 code (ViEWS convention from 1992-04)",
    },
  ],
  346: iso("BIH"),
  347: [{ iso3: "XKX", note: "Kosovo; XKX is a user-assigned code, not ISO 3166-1" }],
  349: iso("SVN"),
  350: iso("GRC"),
  352: iso("CYP"),
  355: iso("BGR"),
  359: iso("MDA"),
  360: iso("ROU"),
  365: [
    {
      iso3: "SUN",
      to: "1991-12-25",
      note: "Russia / Soviet Union until the USSR's dissolution; withdrawn ISO 3166-3 code",
    },
    { iso3: "RUS", from: "1991-12-26", note: "Russian Federation" },
  ],
  366: iso("EST"),
  367: iso("LVA"),
  368: iso("LTU"),
  369: iso("UKR"),
  370: iso("BLR"),
  371: iso("ARM"),
  372: iso("GEO"),
  373: iso("AZE"),
  375: iso("FIN"),
  380: iso("SWE"),
  385: iso("NOR"),
  390: iso("DNK"),
  395: iso("ISL"),
  396: none("Abkhazia: partially recognised, part of Georgia (GEO) in ISO 3166"),
  397: none("South Ossetia: partially recognised, part of Georgia (GEO) in ISO 3166"),
  402: iso("CPV"),
  403: iso("STP"),
  404: iso("GNB"),
  411: iso("GNQ"),
  420: iso("GMB"),
  432: iso("MLI"),
  433: iso("SEN"),
  434: iso("BEN"),
  435: iso("MRT"),
  436: iso("NER"),
  437: iso("CIV"),
  438: iso("GIN"),
  439: iso("BFA"),
  450: iso("LBR"),
  451: iso("SLE"),
  452: iso("GHA"),
  461: iso("TGO"),
  471: iso("CMR"),
  475: iso("NGA"),
  481: iso("GAB"),
  482: iso("CAF"),
  483: iso("TCD"),
  484: iso("COG"),
  490: iso("COD"),
  500: iso("UGA"),
  501: iso("KEN"),
  510: iso("TZA"),
  511: none(`Zanzibar (1963–1964); ${BEFORE_ISO}`),
  516: iso("BDI"),
  517: iso("RWA"),
  520: iso("SOM"),
  522: iso("DJI"),
  530: iso("ETH"),
  531: iso("ERI"),
  540: iso("AGO"),
  541: iso("MOZ"),
  551: iso("ZMB"),
  552: iso("ZWE"),
  553: iso("MWI"),
  560: iso("ZAF"),
  563: none(BEFORE_ISO),
  564: none(BEFORE_ISO),
  565: iso("NAM"),
  570: iso("LSO"),
  571: iso("BWA"),
  572: iso("SWZ"),
  580: iso("MDG"),
  581: iso("COM"),
  590: iso("MUS"),
  591: iso("SYC"),
  600: iso("MAR"),
  615: iso("DZA"),
  616: iso("TUN"),
  620: iso("LBY"),
  625: [{ iso3: "SDN", note: "Sudan; South Sudan is GW 626 (SSD) from 2011-07-09" }],
  626: [{ iso3: "SSD", note: "South Sudan, independent 2011-07-09" }],
  630: iso("IRN"),
  640: iso("TUR"),
  645: iso("IRQ"),
  651: iso("EGY"),
  652: iso("SYR"),
  660: iso("LBN"),
  663: iso("JOR"),
  666: iso("ISR"),
  670: iso("SAU"),
  678: [{ iso3: "YEM", note: "Yemen Arab Republic, and unified Yemen from 1990-05-22" }],
  679: [
    {
      iso3: "YEM",
      from: "1990-05-22",
      alias: true,
      note: "unified Yemen in lists that code it 679; alias of GW 678",
    },
  ],
  680: [{ iso3: "YMD", note: "People's Democratic Republic of Yemen; withdrawn ISO 3166-3 code" }],
  690: iso("KWT"),
  692: iso("BHR"),
  694: iso("QAT"),
  696: iso("ARE"),
  698: iso("OMN"),
  700: iso("AFG"),
  701: iso("TKM"),
  702: iso("TJK"),
  703: iso("KGZ"),
  704: iso("UZB"),
  705: iso("KAZ"),
  710: iso("CHN"),
  711: none(`Tibet (1913–1950); ${BEFORE_ISO}`),
  712: iso("MNG"),
  713: iso("TWN"),
  730: none(`Korea (1816–1910); ${BEFORE_ISO}`),
  731: iso("PRK"),
  732: iso("KOR"),
  740: iso("JPN"),
  750: iso("IND"),
  751: none(`Hyderabad (1947–1948); ${BEFORE_ISO}`),
  760: iso("BTN"),
  770: iso("PAK"),
  771: iso("BGD"),
  775: iso("MMR"),
  780: iso("LKA"),
  781: iso("MDV"),
  790: iso("NPL"),
  800: iso("THA"),
  811: iso("KHM"),
  812: iso("LAO"),
  815: none(BEFORE_ISO),
  816: [
    {
      iso3: "VNM",
      note: "Democratic Republic of Vietnam (1954–1976) and unified Vietnam; ISO 3166-3 listed VDR until 1977, ViEWS and WDI use VNM",
    },
  ],
  817: none("Republic of Vietnam (South, 1954–1975): no ISO 3166 code in use by conflict data; not mapped"),
  820: iso("MYS"),
  830: iso("SGP"),
  835: iso("BRN"),
  840: iso("PHL"),
  850: iso("IDN"),
  860: iso("TLS"),
  900: iso("AUS"),
  910: iso("PNG"),
  920: iso("NZL"),
  935: iso("VUT"),
  940: iso("SLB"),
  950: iso("FJI"),
  970: iso("KIR"),
  971: iso("NRU"),
  972: iso("TON"),
  973: iso("TUV"),
  983: iso("MHL"),
  986: iso("PLW"),
  987: iso("FSM"),
  990: iso("WSM"),
};

/** GW states missing from the bundled GW list that conflict data uses (from Gleditsch & Ward's full list). */
export const EXTRA_GW_STATES: Record<
  number,
  { name: string; abbreviation: string; from: string; to: string }
> = {
  751: { name: "Hyderabad", abbreviation: "HYD", from: "1947-08-15", to: "1948-09-17" },
};

/** Codes outside the GW list that bundled country-year datasets use for territories (poldat/cShapes, SDP). */
export const SUPPLEMENTARY_CODES: Record<number, { name: string; iso3: string | null; note: string }> = {
  6: {
    name: "Puerto Rico",
    iso3: "PRI",
    note: "territory code used by poldat static world (not a GW state)",
  },
  609: {
    name: "Western Sahara",
    iso3: "ESH",
    note: "territory code used by poldat static world (not a GW state)",
  },
  699: {
    name: "Palestine",
    iso3: "PSE",
    note: "territory code used by poldat static world (not a GW state)",
  },
  708: {
    name: "Hong Kong",
    iso3: "HKG",
    note: "territory code used by the SDP/GDP estimates (not a GW state)",
  },
  709: { name: "Macao", iso3: "MAC", note: "territory code used by the SDP/GDP estimates (not a GW state)" },
  930: {
    name: "New Caledonia",
    iso3: "NCL",
    note: "territory code used by poldat static world (not a GW state)",
  },
  960: {
    name: "French Polynesia",
    iso3: "PYF",
    note: "territory code used by poldat static world (not a GW state)",
  },
};

/** World Bank aggregate and World Bank-only codes: not countries; indicator imports skip them and say so. */
export const WORLD_BANK_AGGREGATES = new Set(
  (
    "AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY " +
    "LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD CHI"
  ).split(" "),
);
