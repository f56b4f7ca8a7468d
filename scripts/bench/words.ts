// Word lists for generated (clearly synthetic) Indonesian-flavoured copy and names.
import type { Rng } from './prng'

export const words = (
  'pemerintah presiden menteri rakyat kota desa ekonomi harga pasar bank rupiah ekspor impor ' +
  'pelabuhan kapal jalan tol banjir hujan gempa bumi warga sekolah guru siswa rumah sakit ' +
  'dokter vaksin program bantuan anggaran daerah provinsi gubernur bupati wali polisi hakim ' +
  'sidang undang rapat dewan partai pemilu suara kampanye kerja sama negara asing duta besar ' +
  'kunjungan resmi perjanjian dagang investasi pabrik tenaga listrik minyak gas batu bara ' +
  'pangan beras petani nelayan panen musim cuaca laporan data survei angka tahun bulan pekan'
).split(' ')

const firstNames = (
  'Adi Ayu Bambang Budi Citra Dewi Dian Eko Fajar Fitri Gilang Hadi Indah Intan Joko Kartika ' +
  'Lestari Maya Nanda Novi Putri Rahmat Rina Sari Sinta Taufik Tri Wahyu Wulan Yusuf Zahra'
).split(' ')

const lastNames = (
  'Anggraini Hidayat Kusuma Lubis Nasution Pratama Purnomo Rahayu Santoso Saputra Setiawan ' +
  'Siregar Sitompul Susanto Wibowo Wijaya Harahap Gunawan Halim Kurniawan Nugroho Permana'
).split(' ')

export const jobTitles = ['Pewarta', 'Redaktur', 'Menteri', 'Juru bicara', 'Ekonom', 'Peneliti']

export function sentence(r: Rng, min = 8, max = 16): string {
  const n = r.int(min, max)
  const chosen: string[] = []
  for (let i = 0; i < n; i++) chosen.push(r.pick(words))
  const text = chosen.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

export function personName(r: Rng): string {
  return `${r.pick(firstNames)} ${r.pick(lastNames)}`
}

export function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, c => c.toUpperCase())
}
