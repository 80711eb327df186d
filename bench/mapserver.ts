import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { TILE_FEATURE_BUDGET } from '@onemap/db/queries/tiles'

export const MAPSERV = '/usr/lib/cgi-bin/mapserv'
export const LIGHTTPD = '/usr/sbin/lighttpd'

/** True when Debian's MapServer CGI and lighttpd are installed (apt-get install cgi-mapserver lighttpd). */
export function mapserverAvailable(): boolean {
  return existsSync(MAPSERV) && existsSync(LIGHTTPD)
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

export interface MapServer {
  port: number
  tileUrl(z: number, x: number, y: number): string
  itemsUrl(limit: number, offset: number): string
  stop(): void
}

/**
 * MapServer 8 behind lighttpd FastCGI, serving road_segments from the same PostGIS table (the
 * tile geometry column and the same properties) as MVT and as OGC API Features items.
 */
export async function startMapServer(dir: string, url: string, processes: number): Promise<MapServer> {
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const u = new URL(url)
  const conn = `host=${u.hostname} port=${u.port || 5432} dbname=${u.pathname.slice(1)} user=${decodeURIComponent(u.username)} password=${decodeURIComponent(u.password)}`
  const mapfile = join(dir, 'onemap.map')
  writeFileSync(
    mapfile,
    `MAP
  NAME "onemap"
  EXTENT 12628000 4130000 12646000 4143000
  SIZE 256 256
  PROJECTION "init=epsg:3857" END
  WEB
    METADATA
      "ows_title" "onemap"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_srs" "EPSG:3857 EPSG:4326"
      "oga_onlineresource" "http://127.0.0.1:${port}/mapserv/onemap/ogcapi"
    END
  END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=64"
  END
  LAYER
    NAME "road_segments"
    TYPE LINE
    STATUS ON
    TEMPLATE "void"
    # Keep the PostGIS connection open across FastCGI requests (MapServer's usual tuning).
    PROCESSING "CLOSE_CONNECTION=DEFER"
    CONNECTIONTYPE POSTGIS
    CONNECTION "${conn}"
    # The same budget and order as our tiles (see docs/tiles.md): MapServer appends LIMIT MAXFEATURES.
    MAXFEATURES ${TILE_FEATURE_BUDGET}
    DATA "geom_3857 from (select t.id, t.road_id, r.name_zh, r.name_en, r.class, t.status, t.in_programme, t.geom_3857 from onemap.road_segments t join onemap.roads r on r.id = t.road_id order by t.in_programme desc, array_position(array['expressway', 'arterial', 'secondary', 'branch'], r.class), t.length_m desc, t.id) as q using unique id using srid=3857"
    PROJECTION "init=epsg:3857" END
    METADATA
      "ows_title" "road_segments"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "oga_include_items" "all"
      "ows_extent" "12628000 4130000 12646000 4143000"
    END
  END
  # OGC items read the plain table (no tile budget or order), as ours do.
  LAYER
    NAME "segments"
    TYPE LINE
    STATUS ON
    TEMPLATE "void"
    # Keep the PostGIS connection open across FastCGI requests (MapServer's usual tuning).
    PROCESSING "CLOSE_CONNECTION=DEFER"
    CONNECTIONTYPE POSTGIS
    CONNECTION "${conn}"
    DATA "geom_3857 from (select t.id, t.road_id, r.name_zh, r.name_en, r.class, t.status, t.in_programme, t.geom_3857 from onemap.road_segments t join onemap.roads r on r.id = t.road_id) as q using unique id using srid=3857"
    PROJECTION "init=epsg:3857" END
    METADATA
      "ows_title" "segments"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "oga_include_items" "all"
      "ows_extent" "12628000 4130000 12646000 4143000"
    END
  END
END
`,
  )
  const config = join(dir, 'mapserver.conf')
  // MapServer's connections get our pool's setting jit=off (PGOPTIONS below): the same server tuning.
  writeFileSync(config, `CONFIG\n  MAPS\n    "onemap" "${mapfile}"\n  END\nEND\n`)
  const lighttpdConf = join(dir, 'lighttpd.conf')
  writeFileSync(
    lighttpdConf,
    `server.modules = ("mod_fastcgi")
server.document-root = "${dir}"
server.port = ${port}
server.bind = "127.0.0.1"
server.errorlog = "${join(dir, 'lighttpd-error.log')}"
fastcgi.server = ( "/mapserv" => (( "bin-path" => "${MAPSERV}", "socket" => "${join(dir, 'mapserv.sock')}",
  "check-local" => "disable", "max-procs" => ${processes},
  "bin-environment" => ( "MAPSERVER_CONFIG_FILE" => "${config}", "PGOPTIONS" => "-c jit=off" ) )) )
`,
  )
  const child: ChildProcess = spawn(LIGHTTPD, ['-D', '-f', lighttpdConf], { stdio: 'ignore' })
  // lighttpd leaves its FastCGI workers running when it stops, and respawns a worker stopped
  // while it runs: note the workers by parent pid, stop lighttpd, then stop the noted workers.
  const stop = () => {
    if (!child.pid || child.exitCode !== null) return
    let workers: number[] = []
    try {
      workers = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number)
    } catch {
      // pgrep exits 1 when there are none
    }
    child.kill('SIGTERM')
    for (const pid of workers) {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
  process.once('exit', stop)
  // Wait until the FastCGI workers answer.
  const probe = `http://127.0.0.1:${port}/mapserv?map=onemap&mode=tile&tilemode=gmap&tile=0+0+0&layers=road_segments&map.imagetype=mvt`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(probe)).ok) break
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    port,
    tileUrl: (z, x, y) =>
      `http://127.0.0.1:${port}/mapserv?map=onemap&mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&layers=road_segments&map.imagetype=mvt`,
    itemsUrl: (limit, offset) =>
      `http://127.0.0.1:${port}/mapserv/onemap/ogcapi/collections/segments/items?f=json&limit=${limit}&offset=${offset}`,
    stop,
  }
}
