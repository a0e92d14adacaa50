package taiyi.workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The shapes of JDBC call the store repeats: bind then read rows, bind then update, and insert returning a key. */
final class Jdbc {

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    static void query(Connection c, String sql, Binder binder, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** Prepares an insert that gives back the new row's {@code id}, asked for as the database spells it. */
    static PreparedStatement prepareInsert(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql, Dialect.of(c).idColumn());
    }

    /** Binds and executes an update; returns how many rows it changed. */
    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /** Executes an insert prepared with generated keys and returns the new row's key. */
    static long insertReturningKey(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated key");
            }
            return keys.getLong(1);
        }
    }
}
