export function App() {
  return (
    <main>
      <h1>高新一张图 · OneMap</h1>
      <p>郑州高新区规划与城市运行地图 · Planning and city-operations map of the Zhengzhou High-tech Zone</p>
      <p>示例数据 · sample data, approximate</p>
    </main>
  )
}
