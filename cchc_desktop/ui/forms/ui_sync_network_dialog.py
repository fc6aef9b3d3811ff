# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_network_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_SyncNetworkDialog(object):
    def setupUi(self, SyncNetworkDialog):
        if not SyncNetworkDialog.objectName():
            SyncNetworkDialog.setObjectName(u"SyncNetworkDialog")
        SyncNetworkDialog.resize(820, 640)
        self.main_layout = QVBoxLayout(SyncNetworkDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(SyncNetworkDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.site_group = QGroupBox(SyncNetworkDialog)
        self.site_group.setObjectName(u"site_group")
        self.site_form = QFormLayout(self.site_group)
        self.site_form.setObjectName(u"site_form")
        self.site_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.role_caption = QLabel(self.site_group)
        self.role_caption.setObjectName(u"role_caption")

        self.site_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.role_caption)

        self.role_label = QLabel(self.site_group)
        self.role_label.setObjectName(u"role_label")
        self.role_label.setWordWrap(True)
        self.role_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.site_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.role_label)

        self.unit_caption = QLabel(self.site_group)
        self.unit_caption.setObjectName(u"unit_caption")

        self.site_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unit_caption)

        self.unit_label = QLabel(self.site_group)
        self.unit_label.setObjectName(u"unit_label")
        self.unit_label.setWordWrap(True)
        self.unit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.site_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unit_label)

        self.site_caption = QLabel(self.site_group)
        self.site_caption.setObjectName(u"site_caption")

        self.site_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.site_caption)

        self.site_label = QLabel(self.site_group)
        self.site_label.setObjectName(u"site_label")
        self.site_label.setWordWrap(True)
        self.site_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.site_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.site_label)

        self.fingerprint_caption = QLabel(self.site_group)
        self.fingerprint_caption.setObjectName(u"fingerprint_caption")

        self.site_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fingerprint_caption)

        self.fingerprint_label = QLabel(self.site_group)
        self.fingerprint_label.setObjectName(u"fingerprint_label")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.site_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fingerprint_label)


        self.main_layout.addWidget(self.site_group)

        self.network_group = QGroupBox(SyncNetworkDialog)
        self.network_group.setObjectName(u"network_group")
        self.network_form = QFormLayout(self.network_group)
        self.network_form.setObjectName(u"network_form")
        self.network_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.network_caption = QLabel(self.network_group)
        self.network_caption.setObjectName(u"network_caption")

        self.network_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.network_caption)

        self.network_label = QLabel(self.network_group)
        self.network_label.setObjectName(u"network_label")
        self.network_label.setWordWrap(True)
        self.network_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.network_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.network_label)

        self.root_caption = QLabel(self.network_group)
        self.root_caption.setObjectName(u"root_caption")

        self.network_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.root_caption)

        self.root_label = QLabel(self.network_group)
        self.root_label.setObjectName(u"root_label")
        self.root_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.network_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.root_label)


        self.main_layout.addWidget(self.network_group)

        self.sites_caption = QLabel(SyncNetworkDialog)
        self.sites_caption.setObjectName(u"sites_caption")

        self.main_layout.addWidget(self.sites_caption)

        self.sites_table = QTableWidget(SyncNetworkDialog)
        if (self.sites_table.columnCount() < 5):
            self.sites_table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.sites_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.sites_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.sites_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.sites_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.sites_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.sites_table.setObjectName(u"sites_table")
        self.sites_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sites_table.setAlternatingRowColors(True)
        self.sites_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sites_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sites_table.setColumnCount(5)

        self.main_layout.addWidget(self.sites_table)

        self.action_layout = QHBoxLayout()
        self.action_layout.setObjectName(u"action_layout")
        self.create_network_button = QPushButton(SyncNetworkDialog)
        self.create_network_button.setObjectName(u"create_network_button")

        self.action_layout.addWidget(self.create_network_button)

        self.request_button = QPushButton(SyncNetworkDialog)
        self.request_button.setObjectName(u"request_button")

        self.action_layout.addWidget(self.request_button)

        self.enrol_button = QPushButton(SyncNetworkDialog)
        self.enrol_button.setObjectName(u"enrol_button")

        self.action_layout.addWidget(self.enrol_button)

        self.revoke_button = QPushButton(SyncNetworkDialog)
        self.revoke_button.setObjectName(u"revoke_button")

        self.action_layout.addWidget(self.revoke_button)

        self.backup_button = QPushButton(SyncNetworkDialog)
        self.backup_button.setObjectName(u"backup_button")

        self.action_layout.addWidget(self.backup_button)

        self.restore_button = QPushButton(SyncNetworkDialog)
        self.restore_button.setObjectName(u"restore_button")

        self.action_layout.addWidget(self.restore_button)

        self.action_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_layout.addItem(self.action_spacer)


        self.main_layout.addLayout(self.action_layout)

        self.status_label = QLabel(SyncNetworkDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.status_label)

        self.button_box = QDialogButtonBox(SyncNetworkDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)

        QWidget.setTabOrder(self.sites_table, self.create_network_button)
        QWidget.setTabOrder(self.create_network_button, self.request_button)
        QWidget.setTabOrder(self.request_button, self.enrol_button)
        QWidget.setTabOrder(self.enrol_button, self.revoke_button)
        QWidget.setTabOrder(self.revoke_button, self.backup_button)
        QWidget.setTabOrder(self.backup_button, self.restore_button)

        self.retranslateUi(SyncNetworkDialog)
    # setupUi

    def retranslateUi(self, SyncNetworkDialog):
        SyncNetworkDialog.setWindowTitle(QCoreApplication.translate("SyncNetworkDialog", u"M\u1ea1ng \u0111\u1ed3ng b\u1ed9 v\u00e0 \u0111\u0103ng k\u00fd m\u00e1y", None))
        self.intro_label.setText(QCoreApplication.translate("SyncNetworkDialog", u"Huy\u1ec7n t\u1ea1o m\u1ea1ng \u0111\u1ed3ng b\u1ed9 v\u00e0 kho\u00e1 g\u1ed1c; m\u1ed7i m\u00e1y x\u00e3 g\u1eedi t\u1ec7p y\u00eau c\u1ea7u \u0111\u0103ng k\u00fd, huy\u1ec7n \u0111\u0103ng k\u00fd m\u00e1y \u0111\u00f3. Khi \u0111\u0103ng k\u00fd, hai b\u00ean \u0111\u1ecdc cho nhau v\u00e2n tay hi\u1ec7n tr\u00ean m\u00e0n h\u00ecnh (qua \u0111i\u1ec7n tho\u1ea1i) \u0111\u1ec3 ch\u1eafc ch\u1eafn \u0111\u00fang m\u00e1y.", None))
        self.site_group.setTitle(QCoreApplication.translate("SyncNetworkDialog", u"M\u00e1y n\u00e0y", None))
        self.role_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"Vai tr\u00f2:", None))
        self.role_label.setText("")
        self.unit_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"\u0110\u01a1n v\u1ecb:", None))
        self.unit_label.setText("")
        self.site_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"M\u00e3 m\u00e1y:", None))
        self.site_label.setText("")
        self.fingerprint_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"V\u00e2n tay m\u00e1y:", None))
        self.fingerprint_label.setText("")
        self.network_group.setTitle(QCoreApplication.translate("SyncNetworkDialog", u"M\u1ea1ng \u0111\u1ed3ng b\u1ed9", None))
        self.network_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"T\u00ean m\u1ea1ng:", None))
        self.network_label.setText("")
        self.root_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"V\u00e2n tay kho\u00e1 g\u1ed1c:", None))
        self.root_label.setText("")
        self.sites_caption.setText(QCoreApplication.translate("SyncNetworkDialog", u"<b>C\u00e1c m\u00e1y trong m\u1ea1ng</b>", None))
        ___qtablewidgetitem = self.sites_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SyncNetworkDialog", u"T\u00ean m\u00e1y", None))
        ___qtablewidgetitem1 = self.sites_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SyncNetworkDialog", u"\u0110\u01a1n v\u1ecb", None))
        ___qtablewidgetitem2 = self.sites_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SyncNetworkDialog", u"Vai tr\u00f2", None))
        ___qtablewidgetitem3 = self.sites_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SyncNetworkDialog", u"V\u00e2n tay", None))
        ___qtablewidgetitem4 = self.sites_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SyncNetworkDialog", u"T\u00ecnh tr\u1ea1ng", None))
#if QT_CONFIG(tooltip)
        self.create_network_button.setToolTip(QCoreApplication.translate("SyncNetworkDialog", u"M\u00e1y huy\u1ec7n: t\u1ea1o m\u1ea1ng \u0111\u1ed3ng b\u1ed9 v\u00e0 kho\u00e1 g\u1ed1c (l\u00e0m m\u1ed9t l\u1ea7n)", None))
#endif // QT_CONFIG(tooltip)
        self.create_network_button.setText(QCoreApplication.translate("SyncNetworkDialog", u"&T\u1ea1o m\u1ea1ng \u0111\u1ed3ng b\u1ed9\u2026", None))
#if QT_CONFIG(tooltip)
        self.request_button.setToolTip(QCoreApplication.translate("SyncNetworkDialog", u"M\u00e1y x\u00e3: ghi t\u1ec7p y\u00eau c\u1ea7u \u0111\u0103ng k\u00fd \u0111\u1ec3 mang l\u00ean huy\u1ec7n", None))
#endif // QT_CONFIG(tooltip)
        self.request_button.setText(QCoreApplication.translate("SyncNetworkDialog", u"T\u1ea1o t\u1ec7p &y\u00eau c\u1ea7u \u0111\u0103ng k\u00fd\u2026", None))
#if QT_CONFIG(tooltip)
        self.enrol_button.setToolTip(QCoreApplication.translate("SyncNetworkDialog", u"M\u00e1y huy\u1ec7n: \u0111\u0103ng k\u00fd m\u1ed9t m\u00e1y x\u00e3 t\u1eeb t\u1ec7p y\u00eau c\u1ea7u c\u1ee7a m\u00e1y \u0111\u00f3", None))
#endif // QT_CONFIG(tooltip)
        self.enrol_button.setText(QCoreApplication.translate("SyncNetworkDialog", u"\u0110\u0103ng &k\u00fd m\u00e1y x\u00e3 t\u1eeb t\u1ec7p y\u00eau c\u1ea7u\u2026", None))
#if QT_CONFIG(tooltip)
        self.revoke_button.setToolTip(QCoreApplication.translate("SyncNetworkDialog", u"Thu h\u1ed3i m\u00e1y \u0111ang ch\u1ecdn trong danh s\u00e1ch (m\u00e1y m\u1ea5t, h\u1ecfng ho\u1eb7c kh\u00f4ng c\u00f2n d\u00f9ng)", None))
#endif // QT_CONFIG(tooltip)
        self.revoke_button.setText(QCoreApplication.translate("SyncNetworkDialog", u"Thu &h\u1ed3i m\u00e1y\u2026", None))
#if QT_CONFIG(tooltip)
        self.backup_button.setToolTip(QCoreApplication.translate("SyncNetworkDialog", u"Ghi kho\u00e1 g\u1ed1c ra t\u1ec7p c\u00f3 m\u1eadt kh\u1ea9u, c\u1ea5t \u1edf n\u01a1i an to\u00e0n", None))
#endif // QT_CONFIG(tooltip)
        self.backup_button.setText(QCoreApplication.translate("SyncNetworkDialog", u"&Sao l\u01b0u kho\u00e1 g\u1ed1c ra USB\u2026", None))
#if QT_CONFIG(tooltip)
        self.restore_button.setToolTip(QCoreApplication.translate("SyncNetworkDialog", u"N\u1ea1p kho\u00e1 g\u1ed1c t\u1eeb t\u1ec7p sao l\u01b0u (m\u00e1y huy\u1ec7n thay th\u1ebf)", None))
#endif // QT_CONFIG(tooltip)
        self.restore_button.setText(QCoreApplication.translate("SyncNetworkDialog", u"Kh\u00f4i &ph\u1ee5c kho\u00e1 g\u1ed1c\u2026", None))
        self.status_label.setText("")
    # retranslateUi

