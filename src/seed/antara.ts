/**
 * The seed story: an ANTARA wire story (Vilnius, 12 July 2023) as pure, typed data.
 *
 * Source text: test/fixtures/antara/antara-kishida-nato-2023-07-12.txt (the design's wire file),
 * copied here verbatim so the runtime never reads the filesystem. Facts follow the content model
 * (test/fixtures/design/content-model.md); nothing here is invented: a value that neither the text nor the design note gives stays undefined.
 *
 * test/seed/antara-data.test.ts checks this module against the seed file, paragraph by paragraph.
 * No Keystone or filesystem imports: this module is imported by the seeder and by pure tests.
 */

export type PlaceKind = 'city' | 'country' | 'continent' | 'region'

export type OrganizationKind =
  | 'news_agency'
  | 'news_agency_association'
  | 'intergovernmental'
  | 'supranational_union'
  | 'government'
  | 'informal_grouping'
  | 'company'
  | 'other'

export type SeedPlace = {
  slug: string
  /** As printed in the (Indonesian) story. */
  name: string
  /** English name. */
  alternateName?: string
  kind: PlaceKind
  /** ISO 3166-1 alpha-2: the country's own code, or a city's country code. */
  countryCode?: string
  /** Slug of the parent place (only when that place is in the pool). */
  parent?: string
}

export type SeedOrganization = {
  slug: string
  name: string
  shortName?: string
  kind: OrganizationKind
  /** Slugs of organizations this one is a member of (membership, not hierarchy). */
  memberOf?: string[]
  url?: string
  description?: string
}

export type SeedPerson = {
  slug: string
  name: string
  jobTitle?: string
  description?: string
  /** Organization slugs. */
  affiliations: string[]
  /** Which development account (User) links to this person, if any. */
  staffAccount?: 'editor' | 'reporter'
}

export type SeedRelatedLink = {
  /** Verbatim text after "Baca juga: ". */
  label: string
  placement: 'inline' | 'end'
  /** 1-based; inline links only. */
  afterParagraph?: number
  /** 1-based order within the article. */
  position: number
}

export type SeedArticle = {
  slug: string
  headline: string
  language: string
  /** As printed, e.g. `Vilnius, Lithuania`. */
  dateline: string
  /** Place slug. */
  datelinePlace: string
  /** YYYY-MM-DD: the calendar day the story refers to. */
  storyDate: string
  /** ISO timestamp; when only the date is known, midnight UTC of that date. */
  publishedAt: string
  /** Says that only the publication date is known, not the time of day. */
  publicationNote: string
  /** Body paragraphs, verbatim; paragraph 1 without the `Dateline (AGENCY) - ` prefix. */
  paragraphs: string[]
  /** Person slugs ("Pewarta"). */
  authors: string[]
  /** Person slugs ("Editor"). */
  editors: string[]
  /** Person slugs: people mentioned in the story. */
  people: string[]
  /** Organization slugs: organizations mentioned in the story. */
  organizations: string[]
  /** Organization slugs: where the copy came from. */
  sources: string[]
  /** Place slugs: places mentioned in the story. */
  places: string[]
  /** The printed credit after "Sumber:", verbatim. */
  sourceCredit: string
  /** The printed copyright line, verbatim. */
  copyrightNotice: string
  /** Organization slug. */
  copyrightHolder: string
  originalUrl: string
  relatedLinks: SeedRelatedLink[]
}

/**
 * Places printed in the story (dateline and body), names as printed in Indonesian.
 *
 * Parents: a city's parent is its country. A country gets a continent parent only when that
 * continent is itself in the pool: only Eropa is, so the European countries (Lithuania, Ukraina,
 * Spanyol, Swedia, Prancis) have parent Eropa and the others have none. Rusia spans Europe and
 * Asia, so it gets no single continent parent. Regions (Indo-Pasifik, Asia Pasifik,
 * Euro-Atlantik) are geopolitical and have no parent and no country code.
 */
export const places: SeedPlace[] = [
  {
    slug: 'vilnius',
    name: 'Vilnius',
    alternateName: 'Vilnius',
    kind: 'city',
    countryCode: 'LT',
    parent: 'lithuania',
  },
  {
    slug: 'lithuania',
    name: 'Lithuania',
    alternateName: 'Lithuania',
    kind: 'country',
    countryCode: 'LT',
    parent: 'eropa',
  },
  { slug: 'jepang', name: 'Jepang', alternateName: 'Japan', kind: 'country', countryCode: 'JP' },
  { slug: 'china', name: 'China', alternateName: 'China', kind: 'country', countryCode: 'CN' },
  { slug: 'rusia', name: 'Rusia', alternateName: 'Russia', kind: 'country', countryCode: 'RU' },
  {
    slug: 'ukraina',
    name: 'Ukraina',
    alternateName: 'Ukraine',
    kind: 'country',
    countryCode: 'UA',
    parent: 'eropa',
  },
  {
    slug: 'australia',
    name: 'Australia',
    alternateName: 'Australia',
    kind: 'country',
    countryCode: 'AU',
  },
  {
    slug: 'selandia-baru',
    name: 'Selandia Baru',
    alternateName: 'New Zealand',
    kind: 'country',
    countryCode: 'NZ',
  },
  {
    slug: 'korea-selatan',
    name: 'Korea Selatan',
    alternateName: 'South Korea',
    kind: 'country',
    countryCode: 'KR',
  },
  {
    slug: 'spanyol',
    name: 'Spanyol',
    alternateName: 'Spain',
    kind: 'country',
    countryCode: 'ES',
    parent: 'eropa',
  },
  {
    slug: 'swedia',
    name: 'Swedia',
    alternateName: 'Sweden',
    kind: 'country',
    countryCode: 'SE',
    parent: 'eropa',
  },
  {
    slug: 'prancis',
    name: 'Prancis',
    alternateName: 'France',
    kind: 'country',
    countryCode: 'FR',
    parent: 'eropa',
  },
  {
    slug: 'tokyo',
    name: 'Tokyo',
    alternateName: 'Tokyo',
    kind: 'city',
    countryCode: 'JP',
    parent: 'jepang',
  },
  { slug: 'eropa', name: 'Eropa', alternateName: 'Europe', kind: 'continent' },
  { slug: 'indo-pasifik', name: 'Indo-Pasifik', alternateName: 'Indo-Pacific', kind: 'region' },
  { slug: 'asia-pasifik', name: 'Asia Pasifik', alternateName: 'Asia-Pacific', kind: 'region' },
  {
    slug: 'euro-atlantik',
    name: 'Euro-Atlantik',
    alternateName: 'Euro-Atlantic',
    kind: 'region',
  },
]

/**
 * Organizations named in the story or its credits. No URLs: none is given, and we do not guess.
 */
export const organizations: SeedOrganization[] = [
  {
    // Publisher and copyright holder. Its full legal name is not in the text.
    slug: 'antara',
    name: 'ANTARA',
    kind: 'news_agency',
    memberOf: ['oana'],
  },
  { slug: 'kyodo-news', name: 'Kyodo News', kind: 'news_agency', memberOf: ['oana'] },
  {
    slug: 'oana',
    name: 'Organization of Asia-Pacific News Agencies',
    shortName: 'OANA',
    kind: 'news_agency_association',
  },
  {
    slug: 'nato',
    name: 'Pakta Pertahanan Atlantik Utara',
    shortName: 'NATO',
    kind: 'intergovernmental',
  },
  {
    slug: 'uni-eropa',
    name: 'Uni Eropa',
    kind: 'supranational_union',
    description: 'European Union',
  },
  {
    slug: 'ap4',
    name: 'AP4',
    kind: 'informal_grouping',
    description:
      'Mitra Asia Pasifik aliansi trans-Atlantik: the four Asia-Pacific partners of NATO. ' +
      'The story does not name the four countries.',
  },
]

export const people: SeedPerson[] = [
  {
    slug: 'fumio-kishida',
    name: 'Fumio Kishida',
    // Title as printed in the 2023 story.
    jobTitle: 'Perdana Menteri Jepang',
    description: 'Prime Minister of Japan',
    // No affiliation: the Government of Japan is not an organization in the pool.
    affiliations: [],
  },
  {
    slug: 'jens-stoltenberg',
    name: 'Jens Stoltenberg',
    // Title as printed in the 2023 story.
    jobTitle: 'Sekjen NATO',
    description: 'NATO Secretary General',
    affiliations: ['nato'],
  },
  {
    slug: 'cindy-frishanti-octavia',
    name: 'Cindy Frishanti Octavia',
    affiliations: ['antara'],
    staffAccount: 'reporter',
  },
  {
    slug: 'arie-novarina',
    name: 'Arie Novarina',
    affiliations: ['antara'],
    staffAccount: 'editor',
  },
]

export const antaraStory: SeedArticle = {
  slug: 'jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru',
  // From the original URL's slug, in ANTARA's sentence case; the hyphen in "Jepang-NATO" is a
  // best reading, not verified.
  headline: 'Jepang-NATO petakan bidang kerja sama dalam program baru',
  language: 'id',
  dateline: 'Vilnius, Lithuania',
  datelinePlace: 'vilnius',
  // "Rabu (12/7)" is Wednesday 12 July; the year comes from the copyright line.
  storyDate: '2023-07-12',
  publishedAt: '2023-07-12T00:00:00.000Z',
  publicationNote:
    'Only the publication date (12 July 2023) is known; the time of day is not in the source. ' +
    'publishedAt is set to the start of that date (00:00 UTC) as a placeholder, not a real time.',
  paragraphs: [
    // The character between "Kishida" and "pada" is a no-break space (U+00A0), as in the source.
    'Perdana Menteri Jepang Fumio Kishida\u00a0pada Rabu (12/7) mengatakan akan mengadopsi sebuah dokumen dengan Pakta Pertahanan Atlantik Utara (NATO) untuk memetakan bidang kerja sama utama untuk tahun-tahun mendatang.',
    'Keputusan itu diambil setelah Jepang mengenali upaya China dan Rusia untuk melemahkan tatanan internasional berbasis aturan yang ada.',
    'Selama pertemuan di Vilnius dengan Sekjen NATO Jens Stoltenberg, Kishida diharapkan menyetujui upaya bersama di bawah program baru di berbagai bidang mulai dari keamanan maritim dan luar angkasa hingga dunia maya dan disinformasi.',
    'Kishida dan mitra dari Australia, Selandia Baru, dan Korea Selatan telah diundang untuk bergabung dalam diskusi para pemimpin NATO di ibukota Lithuania.',
    'NATO, yang dihidupkan kembali oleh invasi Rusia ke Ukraina, telah memperluas jangkauan geografisnya, dengan Stoltenberg berulang kali mengatakan bahwa masalah keamanan utama tidak lagi bersifat regional tetapi global.',
    'Kishida, yang menjadi pemimpin Jepang pertama yang berpartisipasi dalam KTT NATO pada Juni 2022 di Spanyol, telah mengatakan sejak awal perang di Ukraina bahwa keamanan Indo-Pasifik tidak bisa dipisahkan dari Eropa.',
    'Kerja sama dalam Program Kemitraan yang Disesuaikan secara Individual akan didukung untuk memperluas cakupan kerja sama dalam menghadapi tantangan keamanan baru dan tradisional.',
    // "para Rabu pagi" is kept as printed; it is most likely a typo for "pada Rabu pagi" ("on
    // Wednesday morning"). Corrections to the wire copy are not the seed's job.
    'Setelah pertemuan dengan Kishida para Rabu pagi, Stoltenberg akan menjadi tuan rumah sesi pemimpin dengan empat negara, yang dikenal sebagai mitra Asia Pasifik aliansi trans-Atlantik atau AP4.',
    'Sesi tersebut juga akan diikuti oleh Swedia, yang akan menjadi anggota NATO ke-32, dan Uni Eropa.',
    'Pejabat yang terlibat dalam persiapan pertemuan mengatakan sebelumnya bahwa para pemimpin tidak akan membahas gagasan mendirikan kantor penghubung di Tokyo untuk memfasilitasi koordinasi antara NATO dan AP4.',
    'Para pejabat tersebut, yang berbicara tanpa menyebut nama itu mengatakan bahwa meskipun langkah tersebut telah diupayakan oleh NATO, Prancis dan beberapa negara lain menentang, menyuarakan keprihatinan tentang blok tersebut yang menentang piagamnya dengan melangkah terlalu jauh melampaui wilayah Euro-Atlantik dan kemungkinan memicu ketegangan lebih lanjut dengan China.',
  ],
  authors: ['cindy-frishanti-octavia'],
  editors: ['arie-novarina'],
  people: ['fumio-kishida', 'jens-stoltenberg'],
  // "Mentioned" means named in the body paragraphs: NATO (paragraphs 1, 3-6, 9-11), Uni Eropa
  // (9) and AP4 (8, 10). ANTARA appears only in the dateline's agency tag and the copyright line
  // (it is the publisher: copyrightHolder and the staff's affiliation); Kyodo News and OANA
  // appear only in the "Sumber:" credit (they are `sources`). Credits are not mentions, so none
  // of those three is listed here.
  organizations: ['nato', 'uni-eropa', 'ap4'],
  sources: ['kyodo-news', 'oana'],
  // Every place here is printed in the dateline or the body.
  places: [
    'vilnius',
    'lithuania',
    'jepang',
    'china',
    'rusia',
    'ukraina',
    'australia',
    'selandia-baru',
    'korea-selatan',
    'spanyol',
    'swedia',
    'prancis',
    'tokyo',
    'eropa',
    'indo-pasifik',
    'asia-pasifik',
    'euro-atlantik',
  ],
  sourceCredit: 'Kyodo-OANA',
  copyrightNotice: 'COPYRIGHT © ANTARA 2023',
  copyrightHolder: 'antara',
  originalUrl:
    'https://pon.antaranews.com/berita/3630972/jepang-nato-petakan-bidang-kerja-sama-dalam-program-baru',
  // Neither "Baca juga" line has a known URL or target article: both stay unresolved.
  relatedLinks: [
    {
      label: 'Merasa dianggap musuh, Rusia cermati terus KTT NATO',
      placement: 'inline',
      afterParagraph: 5,
      position: 1,
    },
    {
      // Printed after the "Sumber:" line, i.e. at the end of the story.
      label: 'Invasi Rusia di Ukraina membuat NATO merasa kian relevan?',
      placement: 'end',
      position: 2,
    },
  ],
}
